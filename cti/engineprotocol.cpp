#include "engineprotocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace cti::EngineProtocol {

QByteArray encode(const QJsonObject &message)
{
    QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

bool decode(const QByteArray &line, QJsonObject *message, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("malformed message at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject() || !doc.object().value(QLatin1String("t")).isString()) {
        *error = QStringLiteral("message is not an object with a \"t\" member");
        return false;
    }
    *message = doc.object();
    return true;
}

} // namespace cti::EngineProtocol
