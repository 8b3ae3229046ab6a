#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace kb {

// A form or further link attached to a service ("Antrag auf …" → PDF).
struct Link
{
    QString title;
    QString url;
    QString description;

    friend bool operator==(const Link &, const Link &) = default;
};

// Which office handles a service, and how long an appointment for it takes there.
struct OfficeLink
{
    QString officeId;
    int durationMinutes = 0;   // 0: unknown; falls back to the article's duration
    bool bookable = false;     // the office takes appointments for this service
    QString appointmentUrl;    // online booking for this service at this office

    friend bool operator==(const OfficeLink &, const OfficeLink &) = default;
};

// One service of the A–Z catalogue, as an agent reads it. Texts are German; *Html fields hold
// catalogue HTML that is sanitised before display, everything else is plain text.
struct Article
{
    QString id;                 // stable id (the DLDB service id for imported catalogues)
    QString title;
    QString leikaKey;           // 14-digit LeiKa key, empty if unknown
    QString summary;            // one or two plain sentences
    QString descriptionHtml;
    QStringList documents;      // documents to bring, one entry each
    QString feesHtml;
    QString processingTime;
    QString legalBasis;
    QString onlineServiceUrl;
    QString url;                // the service's page in the city's portal
    QStringList keywords;       // synonyms and search terms
    QStringList questions;      // how callers ask for it, in their words (one question each): searched, not shown
    QString category;
    QList<Link> links;          // forms and further links
    QList<OfficeLink> offices;
    int durationMinutes = 0;    // default appointment length
    QDate validFrom;            // null: no limit
    QDate validTo;
    QDate lastReviewed;
    QDate reviewBy;
    QDateTime updatedAt;        // UTC
    int version = 1;            // bumped by the store on every change
    QString source;             // attribution, e.g. "Landeshauptstadt München"

    friend bool operator==(const Article &, const Article &) = default;
};

struct Office
{
    QString id;
    QString name;
    QString organization;       // e.g. "Landeshauptstadt München / Kreisverwaltungsreferat"
    QString street;             // street and house number
    QString postalCode;
    QString city;
    QString phone;
    QString fax;
    QString email;
    QString web;
    QString openingHours;       // human-readable, one line per day group
    double latitude = std::numeric_limits<double>::quiet_NaN();
    double longitude = std::numeric_limits<double>::quiet_NaN();
    QStringList keywords;       // alternative names
    QString source;

    QString address() const;    // "Implerstraße 11, 81371 München"
};

// A row of the editable synonym table: typing `term` also searches for each of `expansions`.
struct Synonym
{
    QString term;
    QStringList expansions;

    friend bool operator==(const Synonym &, const Synonym &) = default;
};

// What an importer reads and the store writes in one transaction.
struct Catalogue
{
    QList<Article> articles;
    QList<Office> offices;
};

} // namespace kb
