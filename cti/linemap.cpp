#include "linemap.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace cti {

LineMap::LineMap(const NumberingPlan &plan)
    : m_plan(plan)
{
}

QString LineMap::key(const QString &line) const
{
    const QString e164 = PhoneNumber::toE164(line, m_plan);
    if (!e164.isEmpty()) {
        return e164;
    }
    // Not a number (e.g. a SIP user such as "hotline-leipzig"): match case-insensitively on the user part.
    QString user = line.trimmed();
    if (user.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive)) {
        user.remove(0, 4);
    }
    const qsizetype at = user.indexOf(u'@');
    if (at >= 0) {
        user.truncate(at);
    }
    return user.toLower();
}

void LineMap::insert(const QString &line, const QString &municipality)
{
    m_lines.insert(key(line), municipality);
}

QString LineMap::municipalityFor(const QString &dialled) const
{
    return m_lines.value(key(dialled));
}

qsizetype LineMap::size() const
{
    return m_lines.size();
}

bool LineMap::fromJson(const QByteArray &json, LineMap *out, QString *error, const NumberingPlan &plan)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        if (error) {
            *error = QCoreApplication::translate("cti::LineMap", "Line map is not a JSON object: %1")
                         .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                            : QStringLiteral("top level is not an object"));
        }
        return false;
    }
    QJsonObject lines = doc.object();
    if (lines.contains(QLatin1String("lines"))) {
        if (!lines.value(QLatin1String("lines")).isObject()) {
            if (error) {
                *error = QCoreApplication::translate("cti::LineMap", "Line map: \"lines\" must be an object");
            }
            return false;
        }
        lines = lines.value(QLatin1String("lines")).toObject();
    }
    LineMap map(plan);
    for (auto it = lines.constBegin(); it != lines.constEnd(); ++it) {
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty()) {
            if (error) {
                *error = QCoreApplication::translate("cti::LineMap", "Line map: line \"%1\" needs a municipality name")
                             .arg(it.key());
            }
            return false;
        }
        map.insert(it.key(), it.value().toString().trimmed());
    }
    *out = map;
    return true;
}

bool LineMap::fromFile(const QString &path, LineMap *out, QString *error, const NumberingPlan &plan)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QCoreApplication::translate("cti::LineMap", "Cannot read line map %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    return fromJson(file.readAll(), out, error, plan);
}

} // namespace cti
