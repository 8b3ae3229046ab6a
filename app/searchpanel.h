#pragma once

#include "searchresultmodel.h"

#include <QHash>
#include <QKeySequence>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QStandardItemModel;
class QTabWidget;
class QTimer;
class QTreeView;

namespace desk {

class AzIndex;
class SearchService;

// Middle part of the desk: the search box and, in tabs below it, the results, the A–Z index, the categories,
// the recently viewed and the favourite services. Every keystroke posts a search to the search thread; the
// answer is shown unless a newer one is already on screen.
class SearchPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPanel)

public:
    enum Page { ResultsPage, AzPage, CategoriesPage, RecentPage, FavouritesPage };

    explicit SearchPanel(SearchService *service, QWidget *parent = nullptr);
    ~SearchPanel() override;

    void focusSearch();
    void showPage(Page page);
    void setCatalogue(const QList<kb::ResultItem> &sortedIndex);
    void setRecent(const QStringList &ids);
    void setFavourites(const QStringList &ids);
    void setCatalogueStatus(const QString &text);
    // The desk's own shortcuts: the search box must not take them as editing keys (on X11, Ctrl+K, Ctrl+D and
    // Ctrl+E are line-edit bindings).
    void setReservedShortcuts(const QList<QKeySequence> &shortcuts);

    QLineEdit *searchEdit() const;
    QListView *resultView() const;
    kb::SearchResultModel *resultModel() const;
    AzIndex *azIndex() const;
    QTreeView *categoryView() const;
    QTabWidget *tabs() const;

    // Answer from the search thread (public so tests can deliver answers out of order).
    void handleSearchFinished(quint64 requestId, const QString &query, const QList<kb::ResultItem> &items,
                              qint64 microseconds, const QStringList &unmatched = {});
    // The line above the results naming the query's words the catalogue does not know („Nicht im Katalog: …“);
    // hidden while every word matches.
    QLabel *unmatchedHint() const;
    // What was last told to screen readers about unmatched words (once typing pauses), for tests.
    QString lastAnnouncement() const;

Q_SIGNALS:
    void articleRequested(const QString &id);
    void resultsShown(quint64 requestId, int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void handleTextEdited(const QString &text);
    void openCurrent();
    QListView *createList(kb::SearchResultModel *model);
    QList<kb::ResultItem> itemsFor(const QStringList &ids) const;
    void retranslateUi();
    void updateResultStatus();
    void announceLater(QLabel *label, const QString &text);
    void announceNow();

    SearchService *m_service;
    QLineEdit *m_searchEdit;
    QLabel *m_status;
    QLabel *m_unmatchedHint;
    QTabWidget *m_tabs;
    kb::SearchResultModel *m_resultModel;
    QListView *m_resultView;
    AzIndex *m_azIndex;
    QStandardItemModel *m_categoryModel;
    QTreeView *m_categoryView;
    kb::SearchResultModel *m_recentModel;
    QListView *m_recentView;
    kb::SearchResultModel *m_favouriteModel;
    QListView *m_favouriteView;
    QHash<QString, kb::ResultItem> m_catalogue;
    QList<QKeySequence> m_reservedShortcuts;
    QString m_catalogueStatus;
    QString m_shownQuery;
    QStringList m_unmatched; // words of m_shownQuery nothing in the catalogue matches, as typed
    QTimer *m_announceTimer;
    QLabel *m_announceLabel = nullptr;
    QString m_pendingAnnouncement;
    QString m_lastAnnouncement;
    qint64 m_lastMicroseconds = 0;
};

} // namespace desk
