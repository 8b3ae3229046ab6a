#pragma once
// TEST DOUBLE: an in-memory kb::Store for the desk's tests (no real peer: the SQLite store is another branch's
// work; once merged, the desk's own tests can run against it too). Filled with real Munich texts.

#include "store.h"

#include <QMutex>

namespace deskfixtures {

class MemoryStore final : public kb::Store
{
public:
    explicit MemoryStore(kb::Catalogue catalogue, QList<kb::Synonym> synonyms = {});

    QString backendName() const override;
    bool upsert(const kb::Catalogue &catalogue, kb::UpsertReport *report, QString *error,
                const kb::UpsertOptions &options = {}) override;
    bool removeArticle(const QString &id, QString *error) override;
    std::optional<kb::Article> article(const QString &id) const override;
    QList<kb::Article> articles(QString *error = nullptr) const override;
    std::optional<kb::Office> office(const QString &id) const override;
    QList<kb::Office> offices(QString *error = nullptr) const override;
    QList<kb::Synonym> synonyms(QString *error = nullptr) const override;
    bool setSynonym(const kb::Synonym &synonym, QString *error) override;
    bool removeSynonym(const QString &term, QString *error) override;
    qint64 revision() const override;
    kb::StoreStats stats() const override;

private:
    kb::Catalogue m_catalogue;
    QList<kb::Synonym> m_synonyms;
    qint64 m_revision = 1;
};

// Personalausweis, Reisepass, Wohnsitzanmeldung (texts from the Munich DLDB export) and two Bürgerbüros.
// Documents to bring and opening hours are not in that export: they are written for the tests.
kb::Catalogue munichSample();

} // namespace deskfixtures
