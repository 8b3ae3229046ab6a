#include "formfield.h"

#include <QFormLayout>
#include <QWidget>

namespace desk {

void addFormField(QFormLayout *form, QWidget *field, const QString &label, const QString &description)
{
    form->addRow(label, field);
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    field->setAccessibleDescription(description);
}

} // namespace desk
