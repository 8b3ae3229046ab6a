#pragma once

#include "article.h"

#include <QJsonObject>
#include <QList>
#include <QHash>
#include <QString>

class QIODevice;

namespace kb {

// Hotline Desk's own catalogue exchange format: JSON Lines, one article or office per line
// (documented in docs/jsonl-format.md). Reading is all or nothing: the first problem is reported
// as "<name>:<line>: <what>" and nothing is returned.

// The line of one article / office as the format writes it (empty fields left out). The article
// form without the store's bookkeeping (version, updated_at) is also its content fingerprint.
QJsonObject articleToJson(const Article &article, bool withStoreFields = true);
QJsonObject officeToJson(const Office &office);

// `name` names the input in error messages (usually the file path).
bool readJsonl(QIODevice *device, const QString &name, Catalogue *catalogue, QString *error);
bool readJsonlFile(const QString &path, Catalogue *catalogue, QString *error);

// Offices first, then articles, one compact JSON object a line, UTF-8. Without the store fields
// (version, updated_at) the output only changes when the content does (the built-in catalogue).
bool writeJsonl(const Catalogue &catalogue, QIODevice *device, QString *error = nullptr, bool withStoreFields = true);

// Example-question lines: {"id": "1063441", "questions": ["Mein Perso ist abgelaufen, was nun?", ...]}, at most
// one line per article id; every question non-empty.
bool readQuestionsJsonl(QIODevice *device, const QString &name, QHash<QString, QStringList> *questions, QString *error);

// Synonym lines: {"term": "Perso", "expansions": ["Personalausweis"]}.
bool readSynonymsJsonl(QIODevice *device, const QString &name, QList<Synonym> *synonyms, QString *error);
bool writeSynonymsJsonl(const QList<Synonym> &synonyms, QIODevice *device, QString *error = nullptr);

} // namespace kb
