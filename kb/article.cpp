#include "article.h"

namespace kb {

QString Office::address() const
{
    QString place = QStringList{postalCode, city}.join(QLatin1Char(' ')).trimmed();
    QStringList parts;
    if (!street.isEmpty()) {
        parts << street;
    }
    if (!place.isEmpty()) {
        parts << place;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace kb
