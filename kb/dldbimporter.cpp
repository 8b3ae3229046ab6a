#include "dldbimporter.h"

#include "logging.h"
#include "textutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace kb {

namespace {

const QString kMunich = QStringLiteral("Landeshauptstadt München");
const QString kBerlin = QStringLiteral("Land Berlin");

// The translation context of this file's user-visible messages (lupdate reads the macro).
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(kb::Dldb)
};

// DLDB writes ids as strings, numbers in older exports; "false" stands for "no value" in places.
QString scalarText(const QJsonValue &v)
{
    if (v.isString()) {
        return v.toString();
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) ? QString::number(qint64(d)) : QString::number(d);
    }
    return {};
}

bool truthy(const QJsonValue &v)
{
    if (v.isBool()) {
        return v.toBool();
    }
    if (v.isDouble()) {
        return v.toDouble() != 0;
    }
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        return s == QLatin1String("1") || s == QLatin1String("true");
    }
    return false;
}

int minutes(const QJsonValue &v)
{
    bool ok = false;
    const int m = v.isDouble() ? int(v.toDouble()) : v.toString().toInt(&ok);
    return m > 0 && m < 24 * 60 ? m : 0;
}

double coordinate(const QJsonValue &v)
{
    if (v.isDouble()) {
        return v.toDouble();
    }
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? d : std::numeric_limits<double>::quiet_NaN();
}

QStringList splitKeywords(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &p : parts) {
        const QString k = p.simplified();
        if (!k.isEmpty() && !out.contains(k, Qt::CaseInsensitive)) {
            out << k;
        }
    }
    return out;
}

// Which administration a record belongs to, from its URLs, organisation or address.
QString detectSource(const QJsonObject &record)
{
    const QByteArray text = QJsonDocument(record).toJson(QJsonDocument::Compact);
    if (text.contains("muenchen.de") || text.contains("M\xC3\xBC" "nchen")) {
        return kMunich;
    }
    if (text.contains("berlin.de") || text.contains("\"Berlin\"")) {
        return kBerlin;
    }
    return {};
}

struct LocationService
{
    int duration = 0;
    bool allowed = false;
    QString link;
};

struct ParsedFile
{
    QString path;
    bool isLocations = false;
    QList<Article> articles;
    QList<Office> offices;
    QHash<QString, QHash<QString, LocationService>> locationServices;   // office → service → entry
    QHash<QString, QString> unitOfOffice;                                // office → organisation unit
    bool isTopics = false;
    QHash<QString, QString> topicNames;                                  // topic id → name
    QHash<QString, QString> topicOfService;                              // service → (first) topic id
    QHash<QString, QString> rootTopicOfService;                          // from the services' "relation"
};

QString recordLabel(const QString &path, qsizetype index, const QString &id)
{
    return id.isEmpty() ? Messages::tr("%1: record %2").arg(path).arg(index + 1)
                        : Messages::tr("%1: record %2 (id \"%3\")").arg(path).arg(index + 1).arg(id);
}

bool readFile(const QString &path, ParsedFile *parsed, QStringList *skipped, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Messages::tr("%1: cannot open: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    qsizetype bad = 0;
    if (!isValidUtf8(bytes, &bad)) {
        *error = Messages::tr("%1:%2: invalid UTF-8 (byte 0x%3 at offset %4)")
                     .arg(path)
                     .arg(bytes.left(bad).count('\n') + 1)
                     .arg(uchar(bytes.at(bad)), 2, 16, QLatin1Char('0'))
                     .arg(bad);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Messages::tr("%1:%2: not valid JSON (%3 at offset %4)")
                     .arg(path)
                     .arg(bytes.left(parseError.offset).count('\n') + 1)
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    // Envelope {"meta"|"created"…, "data": [...]}; "data" may also be an object keyed by id.
    QJsonArray records;
    if (doc.isArray()) {
        records = doc.array();
    } else {
        const QJsonValue data = doc.object().value(QLatin1String("data"));
        if (data.isArray()) {
            records = data.toArray();
        } else if (data.isObject()) {
            const QJsonObject map = data.toObject();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
                records.append(it.value());
            }
        } else {
            *error = Messages::tr("%1: field \"data\": expected the DLDB envelope with a \"data\" array").arg(path);
            return false;
        }
    }
    if (records.isEmpty()) {
        *error = Messages::tr("%1: field \"data\": no records").arg(path);
        return false;
    }

    // Services carry "locations"/"authorities" and no address; locations carry an "address".
    // What a record is: locations have an "address"; topics list their services under
    // "relation"; services link locations ({"location": id}) or authorities; authorities list
    // locations as {"id", "name"}. The file is what most of its records are.
    enum Kind { Service, Location, Topic, Authority, Unknown };
    auto kindOf = [](const QJsonObject &o) {
        if (o.contains(QLatin1String("address"))) {
            return Location;
        }
        if (o.value(QLatin1String("relation")).toObject().value(QLatin1String("services")).isArray()) {
            return Topic;
        }
        if (o.contains(QLatin1String("authorities"))) {
            return Service;
        }
        const QJsonValue locations = o.value(QLatin1String("locations"));
        if (locations.isArray() && locations.toArray().isEmpty()) {
            return Unknown;   // could be either; the other records decide
        }
        if (!locations.isUndefined()) {
            const QJsonObject first = locations.toArray().first().toObject();
            return !first.isEmpty() && !first.contains(QLatin1String("location")) && first.contains(QLatin1String("id"))
                       ? Authority
                       : Service;
        }
        return Unknown;
    };
    int counts[Unknown + 1] = {};
    for (const QJsonValue &v : std::as_const(records)) {
        ++counts[kindOf(v.toObject())];
    }
    const Kind fileKind = Kind(std::max_element(counts, counts + Unknown) - counts);
    if (counts[fileKind] == 0) {
        *error = Messages::tr("%1: neither services (records with \"locations\") nor locations (records with "
                              "\"address\") nor topics")
                     .arg(path);
        return false;
    }
    if (fileKind == Authority) {
        *error = Messages::tr("%1: holds authorities, which are not imported (their names are on the locations); "
                              "import the services and locations files")
                     .arg(path);
        return false;
    }
    parsed->path = path;
    parsed->isLocations = fileKind == Location;
    if (fileKind == Topic) {
        // Topics name the subject area of a service (Berlin's "root_topic"): its category.
        for (qsizetype i = 0; i < records.size(); ++i) {
            const QJsonObject o = records.at(i).toObject();
            const QString id = scalarText(o.value(QLatin1String("id"))).trimmed();
            const QString name = o.value(QLatin1String("name")).toString().simplified();
            if (id.isEmpty() || name.isEmpty()) {
                *error = Messages::tr("%1: field \"%2\": missing or not a string")
                             .arg(recordLabel(path, i, id), id.isEmpty() ? QStringLiteral("id") : QStringLiteral("name"));
                return false;
            }
            parsed->topicNames.insert(id, name);
            const QJsonArray services =
                o.value(QLatin1String("relation")).toObject().value(QLatin1String("services")).toArray();
            for (const QJsonValue &sv : services) {
                const QString serviceId = scalarText(sv.toObject().value(QLatin1String("id"))).trimmed();
                if (!serviceId.isEmpty() && !parsed->topicOfService.contains(serviceId)) {
                    parsed->topicOfService.insert(serviceId, id);
                }
            }
        }
        parsed->isTopics = true;
        return true;
    }

    QString fileSource;
    for (const QJsonValue &v : std::as_const(records)) {
        fileSource = detectSource(v.toObject());
        if (!fileSource.isEmpty()) {
            break;
        }
    }

    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (!records.at(i).isObject()) {
            *error = Messages::tr("%1: expected an object").arg(recordLabel(path, i, {}));
            return false;
        }
        const QJsonObject o = records.at(i).toObject();
        const QString id = scalarText(o.value(QLatin1String("id"))).trimmed();
        if (id.isEmpty()) {
            *error = Messages::tr("%1: field \"id\": missing or not a string").arg(recordLabel(path, i, {}));
            return false;
        }
        const QJsonValue nameValue = o.value(QLatin1String("name"));
        const QString name = nameValue.toString().simplified();
        if (!nameValue.isString() || name.isEmpty()) {
            *error = Messages::tr("%1: field \"name\": missing, empty or not a string").arg(recordLabel(path, i, id));
            return false;
        }
        if (const auto first = seen.constFind(id); first != seen.constEnd()) {
            *error = Messages::tr("%1: field \"id\": duplicate id (also record %2)").arg(recordLabel(path, i, id)).arg(*first + 1);
            return false;
        }
        seen.insert(id, i);
        const bool hasAddress = o.contains(QLatin1String("address"));
        if (hasAddress != parsed->isLocations) {
            *error = Messages::tr("%1: a %2 in a file of %3")
                         .arg(recordLabel(path, i, id),
                              hasAddress ? Messages::tr("location") : Messages::tr("service"),
                              parsed->isLocations ? Messages::tr("locations") : Messages::tr("services"));
            return false;
        }
        const QJsonObject meta = o.value(QLatin1String("meta")).toObject();
        const QString source = [&] {
            const QString s = detectSource(o);
            return s.isEmpty() ? fileSource : s;
        }();

        if (parsed->isLocations) {
            const QJsonValue addressValue = o.value(QLatin1String("address"));
            if (!addressValue.isObject() && !addressValue.isNull()) {
                *error = Messages::tr("%1: field \"address\": expected an object").arg(recordLabel(path, i, id));
                return false;
            }
            const QJsonObject address = addressValue.toObject();
            const QJsonObject contact = o.value(QLatin1String("contact")).toObject();
            const QJsonObject geo = o.value(QLatin1String("geo")).toObject();
            Office office;
            office.id = id;
            const QString displayName = o.value(QLatin1String("displayName")).toString().simplified();
            office.name = displayName.isEmpty() ? name : displayName;
            QStringList organization;
            for (const char *key : {"organization", "organizationUnit"}) {
                const QString part = o.value(QLatin1String(key)).toString().simplified();
                if (!part.isEmpty()) {
                    organization << part;
                }
            }
            if (organization.isEmpty()) {
                organization << o.value(QLatin1String("authority")).toObject().value(QLatin1String("name")).toString();
            }
            office.organization = organization.join(QStringLiteral(" / ")).trimmed();
            office.street = QStringList{address.value(QLatin1String("street")).toString().simplified(),
                                        scalarText(address.value(QLatin1String("house_number"))).simplified()}
                                .join(QLatin1Char(' '))
                                .trimmed();
            office.postalCode = scalarText(address.value(QLatin1String("postal_code"))).trimmed();
            office.city = address.value(QLatin1String("city")).toString().simplified();
            office.phone = contact.value(QLatin1String("phone")).toString().simplified();
            office.fax = contact.value(QLatin1String("fax")).toString().simplified();
            office.email = contact.value(QLatin1String("email")).toString().simplified();
            office.web = contact.value(QLatin1String("webinfo")).toString().trimmed();
            if (office.web.isEmpty()) {
                office.web = meta.value(QLatin1String("url")).toString().replace(QLatin1String("{locationId}"), id);
            }
            office.latitude = coordinate(geo.value(QLatin1String("lat")));
            office.longitude = coordinate(geo.value(QLatin1String("lon")));
            // Berlin's fixtures put 53.45/13.45 on every record: a placeholder, not a position.
            if (std::abs(office.latitude - 53.45) < 1e-9 && std::abs(office.longitude - 13.45) < 1e-9) {
                office.latitude = office.longitude = std::numeric_limits<double>::quiet_NaN();
            }
            if (std::isnan(office.latitude) || std::isnan(office.longitude) || std::abs(office.latitude) > 90
                || std::abs(office.longitude) > 180) {
                office.latitude = office.longitude = std::numeric_limits<double>::quiet_NaN();
            }
            QStringList keywords;
            if (office.name != name) {
                keywords << name;
            }
            const QJsonArray alternatives = o.value(QLatin1String("displayNameAlternatives")).toArray();
            for (const QJsonValue &alt : alternatives) {
                keywords << alt.toString();
            }
            keywords << splitKeywords(meta.value(QLatin1String("keywords")).toString());
            for (const QString &k : std::as_const(keywords)) {
                const QString s = k.simplified();
                if (!s.isEmpty() && s.compare(office.name, Qt::CaseInsensitive) != 0
                    && !office.keywords.contains(s, Qt::CaseInsensitive)) {
                    office.keywords << s;
                }
            }
            office.source = source;
            const QJsonArray services = o.value(QLatin1String("services")).toArray();
            for (const QJsonValue &sv : services) {
                const QJsonObject so = sv.toObject();
                const QString serviceId = scalarText(so.value(QLatin1String("service"))).trimmed();
                if (serviceId.isEmpty()) {
                    continue;
                }
                const QJsonObject appointment = so.value(QLatin1String("appointment")).toObject();
                parsed->locationServices[id].insert(
                    serviceId, LocationService{minutes(so.value(QLatin1String("duration"))),
                                               truthy(appointment.value(QLatin1String("allowed"))),
                                               appointment.value(QLatin1String("link")).toString()});
            }
            parsed->unitOfOffice.insert(id, o.value(QLatin1String("organizationUnit")).toString().simplified());
            parsed->offices << office;
            continue;
        }

        // A service.
        const QJsonValue description = o.value(QLatin1String("description"));
        if (!description.isUndefined() && !description.isNull() && !description.isString() && !description.isBool()) {
            *error = Messages::tr("%1: field \"description\": expected HTML text").arg(recordLabel(path, i, id));
            return false;
        }
        const QString descriptionHtml = description.toString();
        if (isInternalBookingEntry(name, descriptionHtml)) {
            skipped->append(QStringLiteral("%1 %2").arg(id, name));
            continue;
        }
        const QJsonValue locations = o.value(QLatin1String("locations"));
        if (!locations.isUndefined() && !locations.isNull() && !locations.isArray()) {
            *error = Messages::tr("%1: field \"locations\": expected an array").arg(recordLabel(path, i, id));
            return false;
        }
        Article a;
        a.id = id;
        a.title = name;
        const QString leika = scalarText(o.value(QLatin1String("leika"))).trimmed();
        static const QRegularExpression leikaPattern(QStringLiteral("^[0-9]{14}$"));
        if (leikaPattern.match(leika).hasMatch()) {
            a.leikaKey = leika;
        }
        a.descriptionHtml = descriptionHtml.trimmed();
        a.summary = summaryFromHtml(a.descriptionHtml);
        a.documents = extractDocuments(a.descriptionHtml);
        a.feesHtml = o.value(QLatin1String("fees")).toString().trimmed();
        a.keywords = splitKeywords(meta.value(QLatin1String("keywords")).toString());
        a.url = meta.value(QLatin1String("url")).toString().replace(QLatin1String("{serviceId}"), id);
        a.durationMinutes = minutes(o.value(QLatin1String("duration")));
        // Munich lists its forms twice, as "forms" and "links": keep each URL once.
        QSet<QString> urls;
        for (const char *key : {"forms", "links"}) {
            const QJsonArray list = o.value(QLatin1String(key)).toArray();
            for (const QJsonValue &lv : list) {
                const QJsonObject lo = lv.toObject();
                const QString url = lo.value(QLatin1String("link")).toString().trimmed();
                const QString title = lo.value(QLatin1String("name")).toString().simplified();
                if (url.isEmpty() || urls.contains(url)) {
                    continue;
                }
                urls.insert(url);
                a.links << Link{title.isEmpty() ? url : title, url,
                                lo.value(QLatin1String("description")).toString().simplified()};
            }
        }
        const QJsonArray locationList = locations.toArray();
        for (const QJsonValue &lv : locationList) {
            const QJsonObject lo = lv.toObject();
            const QString officeId = scalarText(lo.value(QLatin1String("location"))).trimmed();
            if (officeId.isEmpty()) {
                continue;
            }
            bool duplicate = false;
            for (const OfficeLink &known : std::as_const(a.offices)) {
                duplicate = duplicate || known.officeId == officeId;
            }
            if (duplicate) {
                continue;
            }
            const QJsonObject appointment = lo.value(QLatin1String("appointment")).toObject();
            OfficeLink link;
            link.officeId = officeId;
            link.bookable = truthy(appointment.value(QLatin1String("allowed")));
            link.appointmentUrl = appointment.value(QLatin1String("link")).toString().trimmed();
            a.offices << link;
        }
        a.source = source;
        const QString rootTopic =
            scalarText(o.value(QLatin1String("relation")).toObject().value(QLatin1String("root_topic"))).trimmed();
        if (!rootTopic.isEmpty()) {
            parsed->rootTopicOfService.insert(id, rootTopic);
        }
        parsed->articles << a;
    }
    return true;
}

} // namespace

bool isInternalBookingEntry(const QString &name, const QString &descriptionHtml)
{
    // Rule (from Munich's export): the name is one of the booking system's own kinds of entry AND
    // there is no description text. Real services always come with a description, so a citizen
    // service that happens to start with "Spontan…" keeps its place.
    //  - "Testleistung": a test service
    //  - "Shortlane 15 min" …: quick lanes of fixed length
    //  - "Spontanvorsprache …", "Spontannummer …", "Spontan eAT/eRA", "Wartenummer …": walk-in tickets
    //  - "SB Personalausweis", "SB Reisepass" …: self-service (Selbstbedienung) kiosk slots
    static const QRegularExpression internal(
        QStringLiteral("^(?:test(?:leistung|dienstleistung|termin)?\\b|shortlane\\b|spontan|wartenummer\\b|sb\\s)"),
        QRegularExpression::CaseInsensitiveOption);
    return internal.match(name.trimmed()).hasMatch() && htmlToPlainText(descriptionHtml).isEmpty();
}

QStringList extractDocuments(const QString &html)
{
    QStringList documents;
    auto add = [&documents](QString text) {
        text = text.simplified();
        while (text.endsWith(QLatin1Char(',')) || text.endsWith(QLatin1Char(';')) || text.endsWith(QLatin1Char('.'))) {
            text.chop(1);
        }
        if (text.size() < 3 || text.size() > 300) {
            return;
        }
        text[0] = text.at(0).toUpper();
        // Compare without blanks: the catalogue has "biometr isches" beside "biometrisches".
        const QString key = QString(text).remove(QLatin1Char(' ')).toCaseFolded();
        for (const QString &known : std::as_const(documents)) {
            if (QString(known).remove(QLatin1Char(' ')).toCaseFolded() == key) {
                return;
            }
        }
        documents << text;
    };

    // 1. A lead-in that announces documents, directly followed by a list: its items.
    static const QRegularExpression listAfterLeadIn(
        QStringLiteral("<(p|h[1-6]|strong|b|div)\\b[^>]*>((?:(?!</?(?:p|ul|ol|h[1-6]|div)\\b).){0,300}?)</\\1>"
                       "(?:\\s*</(?:p|strong|b|div)>)*\\s*<(ul|ol)\\b[^>]*>(.*?)</\\3>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression documentsLeadIn(
        QStringLiteral("(?:erforderlich|benötigt|notwendig|mitzubringend|vorzulegend)\\w*\\s+(?:unterlagen|dokumente|nachweise)"
                       "|(?:folgende|diese)\\s+(?:unterlagen|dokumente|nachweise)"
                       "|bringen sie\\b.*\\bmit\\b|mitbringen|mitzubringen|vorlegen|vorzulegen|unterlagen\\s*:?$"),
        QRegularExpression::CaseInsensitiveOption);
    // Lead-ins that talk about documents but introduce steps, not a list of them.
    static const QRegularExpression notADocumentList(QStringLiteral("einreichen|hochladen|online|siehe|speichern"),
                                                     QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression item(QStringLiteral("<li\\b[^>]*>(.*?)</li>"),
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::DotMatchesEverythingOption);
    auto lists = listAfterLeadIn.globalMatch(html);
    while (lists.hasNext()) {
        const auto m = lists.next();
        const QString leadIn = htmlToPlainText(m.captured(2));
        // A heading of its own, or a lead-in sentence that ends in a colon.
        const bool heading = m.captured(1).size() == 2 || m.captured(1).compare(QLatin1String("strong"), Qt::CaseInsensitive) == 0
                             || m.captured(1).compare(QLatin1String("b"), Qt::CaseInsensitive) == 0
                             || (leadIn.size() < 60 && !leadIn.endsWith(QLatin1Char('.')));
        if (!(heading || leadIn.endsWith(QLatin1Char(':'))) || !documentsLeadIn.match(leadIn).hasMatch()
            || notADocumentList.match(leadIn).hasMatch()) {
            continue;
        }
        auto items = item.globalMatch(m.captured(4));
        while (items.hasNext()) {
            add(htmlToPlainText(items.next().captured(1)));
        }
    }

    // 2. Sentences that name a document: "Bitte bringen Sie … mit", "… müssen Sie eine … vorlegen".
    const QString text = htmlToPlainText(html).replace(QLatin1Char('\n'), QLatin1Char(' '));
    static const QRegularExpression bringSentence(
        QStringLiteral("\\b(?:bitte\\s+)?bringen\\s+sie\\s+(?:(?:für\\s+\\w+|dazu|hierzu|bitte|auch|zusätzlich)\\s+)*"
                       "((?:(?!\\bmit\\b)[^.!?:;]){3,150}?)\\s+mit\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression presentSentence(
        QStringLiteral("\\b(?:müssen|sollten)\\s+sie\\s+((?:eine?n?|die|den|das|ihre?n?)\\s+[^.!?:;,]{3,120}?)\\s+"
                       "(?:vorlegen|mitbringen)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression leadingArticle(QStringLiteral("^(?:eine?n?|die|den|das|ihre?n?|ihr)\\s+"),
                                                   QRegularExpression::CaseInsensitiveOption);
    for (const QRegularExpression *pattern : {&bringSentence, &presentSentence}) {
        auto it = pattern->globalMatch(text);
        while (it.hasNext()) {
            QString object = it.next().captured(1).trimmed();
            // Not a document: a person to bring along (gender star), a back-reference to "the
            // same documents", or a sentence about when and where.
            static const QRegularExpression notADocument(
                QStringLiteral("\\*|\\b(?:unverzüglich|persönlich|termin|siehe|unterlagen|dokumente)\\b"),
                QRegularExpression::CaseInsensitiveOption);
            if (object.contains(notADocument)) {
                continue;
            }
            object.remove(leadingArticle);
            add(object);
        }
    }
    return documents;
}

bool readDldbFiles(const QStringList &paths, Catalogue *catalogue, DldbReadReport *report, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    QList<ParsedFile> files;
    QStringList skipped;
    for (const QString &path : paths) {
        ParsedFile parsed;
        if (!readFile(path, &parsed, &skipped, &err)) {
            return false;
        }
        files << std::move(parsed);
    }

    Catalogue result;
    QHash<QString, QString> articleFile;
    QHash<QString, QString> officeFile;
    QHash<QString, QHash<QString, LocationService>> locationServices;
    QHash<QString, QString> unitOfOffice;
    QHash<QString, QString> sourceOfOffice;
    QHash<QString, QString> topicNames;
    QHash<QString, QString> topicOfService;
    QHash<QString, QString> rootTopicOfService;
    bool hasTopics = false;
    for (const ParsedFile &f : std::as_const(files)) {
        for (const Article &a : f.articles) {
            if (articleFile.contains(a.id)) {
                err = Messages::tr("%1: field \"id\": service \"%2\" is also in %3; import the files in separate runs")
                          .arg(f.path, a.id, articleFile.value(a.id));
                return false;
            }
            articleFile.insert(a.id, f.path);
            result.articles << a;
        }
        for (const Office &o : f.offices) {
            if (officeFile.contains(o.id)) {
                err = Messages::tr("%1: field \"id\": location \"%2\" is also in %3; import the files in separate runs")
                          .arg(f.path, o.id, officeFile.value(o.id));
                return false;
            }
            officeFile.insert(o.id, f.path);
            sourceOfOffice.insert(o.id, o.source);
            result.offices << o;
        }
        for (auto it = f.locationServices.constBegin(); it != f.locationServices.constEnd(); ++it) {
            locationServices.insert(it.key(), it.value());
        }
        for (auto it = f.unitOfOffice.constBegin(); it != f.unitOfOffice.constEnd(); ++it) {
            unitOfOffice.insert(it.key(), it.value());
        }
        topicNames.insert(f.topicNames);
        for (auto it = f.topicOfService.constBegin(); it != f.topicOfService.constEnd(); ++it) {
            topicOfService.insert(it.key(), it.value());
        }
        rootTopicOfService.insert(f.rootTopicOfService);
        hasTopics = hasTopics || f.isTopics;
    }
    if (hasTopics && result.articles.isEmpty()) {
        err = Messages::tr("topics only make sense with the services file in the same import");
        return false;
    }

    // Merge what the locations know into the services of the same run.
    QHash<QString, qsizetype> articleIndex;
    for (qsizetype i = 0; i < result.articles.size(); ++i) {
        articleIndex.insert(result.articles.at(i).id, i);
    }
    for (auto office = locationServices.constBegin(); office != locationServices.constEnd(); ++office) {
        for (auto entry = office->constBegin(); entry != office->constEnd(); ++entry) {
            const auto index = articleIndex.constFind(entry.key());
            if (index == articleIndex.constEnd()) {
                continue;
            }
            Article &a = result.articles[*index];
            bool linked = false;
            for (OfficeLink &link : a.offices) {
                if (link.officeId == office.key()) {
                    linked = true;
                    link.durationMinutes = entry->duration;
                    if (link.appointmentUrl.isEmpty()) {
                        link.appointmentUrl = entry->link;
                    }
                }
            }
            if (!linked) {
                a.offices << OfficeLink{office.key(), entry->duration, entry->allowed, entry->link};
            }
        }
    }
    for (Article &a : result.articles) {
        // The department that runs most of the service's offices is its category ("Kreisverwaltungsreferat").
        QHash<QString, int> units;
        QHash<QString, int> sources;
        for (const OfficeLink &link : std::as_const(a.offices)) {
            const QString unit = unitOfOffice.value(link.officeId);
            if (!unit.isEmpty()) {
                ++units[unit];
            }
            const QString source = sourceOfOffice.value(link.officeId);
            if (!source.isEmpty()) {
                ++sources[source];
            }
        }
        int best = 0;
        for (auto it = units.constBegin(); it != units.constEnd(); ++it) {
            if (it.value() > best || (it.value() == best && it.key() < a.category)) {
                best = it.value();
                a.category = it.key();
            }
        }
        if (a.category.isEmpty()) {
            // Berlin: the service's subject area from a topics file of the same run.
            const QString topic = topicNames.value(rootTopicOfService.value(a.id, topicOfService.value(a.id)));
            a.category = topic.isEmpty() ? topicNames.value(topicOfService.value(a.id)) : topic;
        }
        if (a.source.isEmpty()) {
            // Berlin's 2016 services name no URL: they belong where their offices are.
            best = 0;
            for (auto it = sources.constBegin(); it != sources.constEnd(); ++it) {
                if (it.value() > best) {
                    best = it.value();
                    a.source = it.key();
                }
            }
        }
    }

    if (report) {
        report->services = int(result.articles.size());
        report->locations = int(result.offices.size());
        report->skipped = skipped;
    }
    qCInfo(lcImport) << "DLDB:" << result.articles.size() << "services," << result.offices.size() << "locations,"
                     << skipped.size() << "internal entries left out";
    *catalogue = std::move(result);
    return true;
}

} // namespace kb
