#include "searchpanel.h"

#include "azindex.h"
#include "formfield.h"
#include "resultdelegate.h"
#include "searchservice.h"

#include <QAccessible>
#include <QCollator>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMap>
#include <QPainter>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace desk {

namespace {

// A list that says why it is empty (nothing opened yet, no favourites) instead of showing a blank box.
class ListWithEmptyText final : public QListView
{
public:
    using QListView::QListView;

    void setEmptyText(const QString &text)
    {
        m_emptyText = text;
        viewport()->update();
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QListView::paintEvent(event);
        if (m_emptyText.isEmpty() || !model() || model()->rowCount() > 0) {
            return;
        }
        QPainter painter(viewport());
        painter.setPen(hintColour(palette()));
        painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12),
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_emptyText);
    }

private:
    QString m_emptyText;
};

} // namespace

SearchPanel::SearchPanel(SearchService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_searchEdit(new QLineEdit(this)), m_status(new QLabel(this)),
      m_unmatchedHint(new QLabel(this)), m_tabs(new QTabWidget(this)), m_resultModel(new kb::SearchResultModel(this)),
      m_resultView(nullptr), m_azIndex(new AzIndex(this)), m_categoryModel(new QStandardItemModel(this)),
      m_categoryView(new QTreeView(this)), m_recentModel(new kb::SearchResultModel(this)), m_recentView(nullptr),
      m_favouriteModel(new kb::SearchResultModel(this)), m_favouriteView(nullptr), m_announceTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);

    m_searchEdit->setClearButtonEnabled(true);
    QFont big = m_searchEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_searchEdit->setFont(big);
    m_searchEdit->installEventFilter(this);
    layout->addWidget(m_searchEdit);
    styleAsHint(m_status);
    layout->addWidget(m_status);
    // Words the catalogue does not know: the results come from the other words only. A hint, never a stop in the
    // tab order; plain text, because it repeats what was typed.
    m_unmatchedHint->setTextFormat(Qt::PlainText);
    m_unmatchedHint->setTextInteractionFlags(Qt::NoTextInteraction);
    m_unmatchedHint->setFocusPolicy(Qt::NoFocus);
    m_unmatchedHint->setWordWrap(true); // a long list wraps instead of widening the panel
    m_unmatchedHint->setObjectName(QStringLiteral("unmatchedHint"));
    styleAsHint(m_unmatchedHint);
    m_unmatchedHint->hide();
    layout->addWidget(m_unmatchedHint);
    // Screen readers hear about unknown words once typing pauses, not at every keystroke ("foodt", "foodtr", …).
    m_announceTimer->setSingleShot(true);
    m_announceTimer->setInterval(600);
    connect(m_announceTimer, &QTimer::timeout, this, &SearchPanel::announceNow);

    m_resultView = createList(m_resultModel);
    m_recentView = createList(m_recentModel);
    m_favouriteView = createList(m_favouriteModel);
    m_categoryView->setModel(m_categoryModel);
    m_categoryView->setHeaderHidden(true);
    m_categoryView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_categoryView->installEventFilter(this);
    m_azIndex->listView()->installEventFilter(this);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_resultView, QString());
    m_tabs->addTab(m_azIndex, QString());
    m_tabs->addTab(m_categoryView, QString());
    m_tabs->addTab(m_recentView, QString());
    m_tabs->addTab(m_favouriteView, QString());
    layout->addWidget(m_tabs, 1);

    connect(m_searchEdit, &QLineEdit::textChanged, this, &SearchPanel::handleTextEdited);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &SearchPanel::openCurrent);
    connect(m_tabs, &QTabWidget::currentChanged, this, &SearchPanel::updateResultStatus);
    connect(m_service, &SearchService::searchFinished, this, &SearchPanel::handleSearchFinished);
    connect(m_azIndex, &AzIndex::articleRequested, this, &SearchPanel::articleRequested);
    connect(m_categoryView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(kb::SearchResultModel::IdRole).toString();
        if (!id.isEmpty()) {
            Q_EMIT articleRequested(id);
        }
    });
    setFocusProxy(m_searchEdit);
    retranslateUi();
}

SearchPanel::~SearchPanel() = default;

QListView *SearchPanel::createList(kb::SearchResultModel *model)
{
    auto *view = new ListWithEmptyText(this);
    view->setModel(model);
    view->setItemDelegate(new ResultDelegate(view));
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // rows elide, they never scroll sideways
    view->installEventFilter(this);
    connect(view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT articleRequested(index.data(kb::SearchResultModel::IdRole).toString());
    });
    return view;
}

void SearchPanel::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

void SearchPanel::showPage(Page page)
{
    m_tabs->setCurrentIndex(page);
    QWidget *target = page == AzPage ? static_cast<QWidget *>(m_azIndex->listView()) : m_tabs->currentWidget();
    if (auto *view = qobject_cast<QAbstractItemView *>(target);
        view && !view->currentIndex().isValid() && view->model()->rowCount() > 0) {
        view->setCurrentIndex(view->model()->index(0, 0));
    }
    target->setFocus(Qt::ShortcutFocusReason);
}

void SearchPanel::handleTextEdited(const QString &text)
{
    m_tabs->setCurrentIndex(ResultsPage);
    if (text.trimmed().isEmpty()) {
        // Nothing to search: show the empty list at once, and make any answer still in flight stale.
        const quint64 id = m_service->search(QString());
        handleSearchFinished(id, QString(), {}, 0);
        return;
    }
    // No debounce timer (STYLE §5 suggests 150 ms): a search costs well under a frame, so every keystroke is
    // answered at once; the worker skips requests already overtaken by newer ones, which coalesces bursts.
    m_service->search(text);
}

void SearchPanel::handleSearchFinished(quint64 requestId, const QString &query, const QList<kb::ResultItem> &items,
                                       qint64 microseconds, const QStringList &unmatched)
{
    if (!m_resultModel->setResults(requestId, items)) {
        return; // an answer to an older request than the one on screen
    }
    m_shownQuery = query;
    m_unmatched = unmatched;
    m_lastMicroseconds = microseconds;
    if (!items.isEmpty()) {
        m_resultView->setCurrentIndex(m_resultModel->index(0));
    }
    updateResultStatus();
    Q_EMIT resultsShown(requestId, int(items.size()));
}

void SearchPanel::openCurrent()
{
    QModelIndex index = m_resultView->currentIndex();
    if (!index.isValid() && m_resultModel->rowCount() > 0) {
        index = m_resultModel->index(0);
    }
    if (index.isValid()) {
        Q_EMIT articleRequested(index.data(kb::SearchResultModel::IdRole).toString());
    }
}

void SearchPanel::setReservedShortcuts(const QList<QKeySequence> &shortcuts)
{
    m_reservedShortcuts = shortcuts;
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Left unaccepted, the key goes to the desk's shortcut instead of the widget's editing binding.
        auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        for (const QKeySequence &reserved : std::as_const(m_reservedShortcuts)) {
            if (reserved.matches(pressed) == QKeySequence::ExactMatch) {
                return true;
            }
        }
        return false;
    }
    if (event->type() != QEvent::KeyPress) {
        return QWidget::eventFilter(watched, event);
    }
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_searchEdit) {
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown: {
            // Into the list: the highlighted first result stays current, the next Down moves on.
            m_tabs->setCurrentIndex(ResultsPage);
            if (m_resultModel->rowCount() > 0) {
                if (!m_resultView->currentIndex().isValid()) {
                    m_resultView->setCurrentIndex(m_resultModel->index(0));
                }
                m_resultView->setFocus(Qt::TabFocusReason);
            }
            return true;
        }
        case Qt::Key_Escape:
            if (!m_searchEdit->text().isEmpty()) {
                m_searchEdit->clear();
                return true;
            }
            break;
        default:
            break;
        }
        return false;
    }
    auto *view = qobject_cast<QAbstractItemView *>(watched);
    if (!view) {
        return false;
    }
    const bool atTop = !view->currentIndex().isValid() ||
                       (view->currentIndex().row() == 0 && !view->currentIndex().parent().isValid());
    if ((key->key() == Qt::Key_Up && atTop) || key->key() == Qt::Key_Escape) {
        focusSearch();
        return true;
    }
    // Typing in a result list goes on in the search box, except in the A–Z list and the category tree,
    // where letters jump within the list.
    if (view == m_resultView || view == m_recentView || view == m_favouriteView) {
        const QString text = key->text();
        if (!text.isEmpty() && text.at(0).isPrint() && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            m_searchEdit->setFocus(Qt::OtherFocusReason);
            m_searchEdit->insert(text);
            return true;
        }
    }
    return false;
}

void SearchPanel::setCatalogue(const QList<kb::ResultItem> &sortedIndex)
{
    m_catalogue.clear();
    for (const kb::ResultItem &item : sortedIndex) {
        m_catalogue.insert(item.id, item);
    }
    m_azIndex->setItems(sortedIndex);

    // Categories: one branch per category, services in index order below. Articles without a category are
    // grouped under a translated "Other services" branch (kept last).
    m_categoryModel->clear();
    QMap<QString, QList<kb::ResultItem>> byCategory;
    QList<kb::ResultItem> uncategorised;
    for (const kb::ResultItem &item : sortedIndex) {
        if (item.category.trimmed().isEmpty()) {
            uncategorised.append(item);
        } else {
            byCategory[item.category.trimmed()].append(item);
        }
    }
    QStringList categories = byCategory.keys();
    QCollator collator(QLocale(QLocale::German, QLocale::Germany));
    std::sort(categories.begin(), categories.end(),
              [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    const auto addBranch = [this](const QString &name, const QList<kb::ResultItem> &items) {
        auto *branch = new QStandardItem(QStringLiteral("%1 (%2)").arg(name).arg(items.size()));
        branch->setData(QString(), kb::SearchResultModel::IdRole);
        branch->setData(name, Qt::AccessibleTextRole);
        for (const kb::ResultItem &item : items) {
            auto *leaf = new QStandardItem(item.title);
            leaf->setData(item.id, kb::SearchResultModel::IdRole);
            leaf->setToolTip(item.office);
            branch->appendRow(leaf);
        }
        m_categoryModel->appendRow(branch);
    };
    for (const QString &category : std::as_const(categories)) {
        addBranch(category, byCategory.value(category));
    }
    if (!uncategorised.isEmpty()) {
        addBranch(tr("Other services"), uncategorised);
    }
    if (m_categoryModel->rowCount() == 1) {
        m_categoryView->expandAll();
    }
}

QList<kb::ResultItem> SearchPanel::itemsFor(const QStringList &ids) const
{
    QList<kb::ResultItem> items;
    for (const QString &id : ids) {
        const auto it = m_catalogue.constFind(id);
        if (it != m_catalogue.cend()) {
            items.append(*it);
        }
    }
    return items;
}

void SearchPanel::setRecent(const QStringList &ids)
{
    m_recentModel->setItems(itemsFor(ids));
}

void SearchPanel::setFavourites(const QStringList &ids)
{
    m_favouriteModel->setItems(itemsFor(ids));
}

void SearchPanel::setCatalogueStatus(const QString &text)
{
    m_catalogueStatus = text;
    updateResultStatus();
}

void SearchPanel::updateResultStatus()
{
    const bool searched = !m_shownQuery.trimmed().isEmpty();
    const QStringList unmatched = searched ? m_unmatched : QStringList();
    const QString notInCatalogue =
        unmatched.isEmpty() ? QString() : tr("Not in the catalogue: %1").arg(unmatched.join(QLatin1String(", ")));
    if (!searched) {
        m_status->setText(m_catalogueStatus);
    } else if (m_resultModel->rowCount() == 0) {
        // Nothing found: say which words the catalogue does not know, rather than only that nothing was found.
        m_status->setText(notInCatalogue.isEmpty() ? tr("No service found for “%1”").arg(m_shownQuery.trimmed())
                                                   : notInCatalogue);
    } else {
        m_status->setText(tr("%n service(s) found", nullptr, m_resultModel->rowCount()));
    }
    m_status->setToolTip(tr("Search took %1 ms").arg(double(m_lastMicroseconds) / 1000.0, 0, 'f', 1));
    const bool emptyAndUnknown = searched && !notInCatalogue.isEmpty() && m_resultModel->rowCount() == 0;
    m_status->setAccessibleName(emptyAndUnknown ? notInCatalogue : tr("Search status"));

    // Results that come from the other words only: the hint above the list tells the agent so.
    const bool hint =
        !notInCatalogue.isEmpty() && m_resultModel->rowCount() > 0 && m_tabs->currentIndex() == ResultsPage;
    m_unmatchedHint->setText(hint ? notInCatalogue : QString());
    m_unmatchedHint->setAccessibleName(hint ? notInCatalogue : tr("Words not in the catalogue"));
    m_unmatchedHint->setVisible(hint);
    if (hint) {
        announceLater(m_unmatchedHint, notInCatalogue);
    } else if (emptyAndUnknown) {
        announceLater(m_status, notInCatalogue);
    } else {
        announceLater(nullptr, QString());
    }
}

void SearchPanel::announceLater(QLabel *label, const QString &text)
{
    if (text.isEmpty()) {
        // Nothing to tell; the same words coming back later are news again.
        m_announceTimer->stop();
        m_pendingAnnouncement.clear();
        m_announceLabel = nullptr;
        m_lastAnnouncement.clear();
        return;
    }
    if (text == m_pendingAnnouncement && label == m_announceLabel) {
        return;
    }
    m_pendingAnnouncement = text;
    m_announceLabel = label;
    m_announceTimer->start();
}

void SearchPanel::announceNow()
{
    if (!m_announceLabel || m_pendingAnnouncement.isEmpty() || m_pendingAnnouncement == m_lastAnnouncement) {
        return;
    }
    // The pattern of the desk's other live messages: the label's accessible name carries the text, the Alert event
    // makes screen readers speak it. The focus stays in the search box.
    m_announceLabel->setAccessibleName(m_pendingAnnouncement);
    QAccessibleEvent nameChanged(m_announceLabel, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&nameChanged);
    QAccessibleEvent alert(m_announceLabel, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    m_lastAnnouncement = m_pendingAnnouncement;
}

QLabel *SearchPanel::unmatchedHint() const
{
    return m_unmatchedHint;
}

QString SearchPanel::lastAnnouncement() const
{
    return m_lastAnnouncement;
}

QLineEdit *SearchPanel::searchEdit() const
{
    return m_searchEdit;
}

QListView *SearchPanel::resultView() const
{
    return m_resultView;
}

kb::SearchResultModel *SearchPanel::resultModel() const
{
    return m_resultModel;
}

AzIndex *SearchPanel::azIndex() const
{
    return m_azIndex;
}

QTreeView *SearchPanel::categoryView() const
{
    return m_categoryView;
}

QTabWidget *SearchPanel::tabs() const
{
    return m_tabs;
}

void SearchPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void SearchPanel::retranslateUi()
{
    m_searchEdit->setPlaceholderText(tr("Search (Ctrl+K), e.g. “perso”, “ummelden”"));
    m_searchEdit->setAccessibleName(tr("Search services"));
    m_searchEdit->setAccessibleDescription(
        tr("Results update while you type. Down arrow moves into the results, Enter opens the first result."));
    m_tabs->setTabText(ResultsPage, tr("Results"));
    m_tabs->setTabText(AzPage, tr("A–Z"));
    m_tabs->setTabText(CategoriesPage, tr("Categories"));
    m_tabs->setTabText(RecentPage, tr("Recent"));
    m_tabs->setTabText(FavouritesPage, tr("Favourites"));
    // All five lists stay in sight: hidden behind scroll arrows, "Favourites" was out of view at 1280×800.
    m_tabs->setMinimumWidth(m_tabs->tabBar()->sizeHint().width());
    m_tabs->setAccessibleName(tr("Lists"));
    m_tabs->setAccessibleDescription(tr("Search results, A–Z index, categories, recently viewed, favourites"));
    for (QToolButton *scroll : m_tabs->tabBar()->findChildren<QToolButton *>()) {
        scroll->setAccessibleDescription(tr("Shows more tabs"));
    }
    m_tabs->tabBar()->setAccessibleName(tr("Lists"));
    m_tabs->tabBar()->setAccessibleDescription(
        tr("Search results, A–Z index, categories, recently viewed, favourites"));
    m_resultView->setAccessibleName(tr("Search results"));
    m_resultView->setAccessibleDescription(tr("Services matching the search. Enter opens the selected service."));
    m_categoryView->setAccessibleName(tr("Categories"));
    m_categoryView->setAccessibleDescription(tr("Services grouped by category. Enter opens the selected service."));
    m_recentView->setAccessibleName(tr("Recently viewed"));
    m_recentView->setAccessibleDescription(tr("The services you opened last, newest first"));
    m_favouriteView->setAccessibleName(tr("Favourites"));
    m_favouriteView->setAccessibleDescription(tr("Services you marked as favourite (Ctrl+D)"));
    static_cast<ListWithEmptyText *>(m_recentView)
        ->setEmptyText(tr("No service opened yet. The services you open appear here, newest first."));
    static_cast<ListWithEmptyText *>(m_favouriteView)
        ->setEmptyText(tr("No favourites yet. Ctrl+D adds the service on screen."));
    m_unmatchedHint->setAccessibleDescription(
        tr("Words of the search that no service in the catalogue contains: the results come from the other words. "
           "Rephrase them or look in the A–Z index."));
    if (!m_catalogue.isEmpty()) {
        const QList<kb::ResultItem> index = m_azIndex->model()->items(); // a copy: setCatalogue resets it
        setCatalogue(index);                                             // the "Other services" branch is translated
    }
    updateResultStatus();
}

} // namespace desk
