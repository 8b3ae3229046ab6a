#include "editorialwindow.h"

#include "articleeditor.h"
#include "defaultcatalogue.h"
#include "diffview.h"
#include "editorialsession.h"
#include "screenfit.h"
#include "store.h"
#include "textdiff.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace desk {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int AuthorRole = Qt::UserRole + 2;
constexpr int VersionRole = Qt::UserRole + 3;
constexpr int GapSearchRole = Qt::UserRole + 4; // true on the knowledge gaps' search rows (not on flag rows)
constexpr int ReviewHorizonDays = 30;

QList<QStandardItem *> rowOf(const QStringList &texts, const QVariant &id = QVariant())
{
    QList<QStandardItem *> row;
    for (const QString &text : texts) {
        auto *item = new QStandardItem(text);
        item->setEditable(false);
        item->setData(id, IdRole);
        row.append(item);
    }
    return row;
}

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString localDate(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QTreeView *makeTree(QWidget *parent, QAbstractItemModel *model)
{
    auto *view = new QTreeView(parent);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->header()->setStretchLastSection(true);
    // Columns as wide as their title and the rows on screen ("Angezeigter Name" was cut off at the default width);
    // once per change of the model, the agent may still drag them.
    auto *fit = new QTimer(view);
    fit->setSingleShot(true);
    fit->setInterval(0);
    QObject::connect(fit, &QTimer::timeout, view, [view]() {
        for (int column = 0; column + 1 < view->model()->columnCount(); ++column) {
            view->resizeColumnToContents(column);
        }
    });
    QObject::connect(model, &QAbstractItemModel::modelReset, fit, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::rowsInserted, fit, qOverload<>(&QTimer::start));
    QObject::connect(model, &QAbstractItemModel::headerDataChanged, fit, qOverload<>(&QTimer::start));
    return view;
}

void name(QWidget *w, const QString &n, const QString &d)
{
    w->setAccessibleName(n);
    w->setAccessibleDescription(d);
}

} // namespace

EditorialWindow::EditorialWindow(EditorialSession *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_tabs(new QTabWidget(this)), m_editor(new ArticleEditor(session, this)),
      m_message(new QLabel(this)), m_articles(new QStandardItemModel(this)),
      m_articleFilter(new QSortFilterProxyModel(this)), m_review(new QStandardItemModel(this)),
      m_history(new QStandardItemModel(this)), m_reviewDates(new QStandardItemModel(this)),
      m_flags(new QStandardItemModel(this)), m_synonyms(new QStandardItemModel(this)),
      m_gaps(new QStandardItemModel(this)), m_unknownWords(new QStandardItemModel(this)),
      m_audit(new QStandardItemModel(this)), m_users(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("EditorialWindow"));
    m_articleFilter->setSourceModel(m_articles);
    m_articleFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_articleFilter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_articleFilter->setSortLocaleAware(true);
    m_tabs->addTab(buildArticlesPage(), QString());
    m_tabs->addTab(buildReviewPage(), QString());
    m_tabs->addTab(buildHistoryPage(), QString());
    m_tabs->addTab(buildReviewDatesPage(), QString());
    m_tabs->addTab(buildFlagsPage(), QString());
    m_tabs->addTab(buildSynonymsPage(), QString());
    m_tabs->addTab(buildGapsPage(), QString());
    m_tabs->addTab(buildAuditPage(), QString());
    m_tabs->addTab(buildUsersPage(), QString());
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_message, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this]() { refresh(); });
    connect(m_editor, &ArticleEditor::published, this, [this]() { refreshArticles(); });
    connect(m_editor, &ArticleEditor::submitted, this, [this]() { refreshReview(); });
    connect(m_session, &EditorialSession::userChanged, this, [this]() {
        if (!m_session->isLead()) {
            close(); // an agent never keeps the workroom open
        }
    });
    resizeWithinScreen(this, QSize(1300, 820));
    retranslateUi();
    refreshArticles();
}

EditorialWindow::~EditorialWindow() = default;

// ---- Articles --------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildArticlesPage()
{
    auto *page = new QWidget(this);
    auto *left = new QWidget(page);
    m_articleSearch = new QLineEdit(left);
    m_articleSearch->setClearButtonEnabled(true);
    m_articleList = new QListView(left);
    m_articleList->setModel(m_articleFilter);
    m_articleList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_newArticle = new QPushButton(left);
    m_historyButton = new QPushButton(left);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_articleSearch);
    leftLayout->addWidget(m_articleList, 1);
    leftLayout->addWidget(m_newArticle);
    leftLayout->addWidget(m_historyButton);
    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 1040});
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(splitter);
    connect(m_articleSearch, &QLineEdit::textChanged, m_articleFilter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_articleList, &QListView::activated, this,
            [this](const QModelIndex &index) { editArticle(index.data(IdRole).toString()); });
    connect(m_articleList, &QListView::clicked, this,
            [this](const QModelIndex &index) { editArticle(index.data(IdRole).toString()); });
    connect(m_newArticle, &QPushButton::clicked, this, [this]() { m_editor->newArticle(); });
    connect(m_historyButton, &QPushButton::clicked, this, [this]() {
        if (m_editor->hasArticle()) {
            showHistory(m_editor->articleId());
        }
    });
    return page;
}

void EditorialWindow::refreshArticles()
{
    QString error;
    const QList<kb::Article> articles = m_session->store()->articles(&error);
    m_articles->clear();
    for (const kb::Article &article : articles) {
        m_articles->appendRow(rowOf({article.title}, article.id));
    }
    // Drafts of new services (not yet published) are listed too, so their authors find them again.
    for (const kb::Draft &draft : m_session->store()->drafts(QString(), &error)) {
        if (draft.baseVersion == 0 && draft.authorId == m_session->user().id) {
            m_articles->appendRow(rowOf({tr("%1 (new, draft)").arg(draft.content.title)}, draft.articleId));
        }
    }
    m_articleFilter->sort(0);
    if (!error.isEmpty()) {
        setMessage(error);
    }
}

void EditorialWindow::editArticle(const QString &id)
{
    showPage(ArticlesPage);
    m_editor->editArticle(id);
}

// ---- Review queue ------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildReviewPage()
{
    auto *page = new QWidget(this);
    m_reviewView = makeTree(page, m_review);
    m_reviewDiff = new QTextBrowser(page);
    m_approve = new QPushButton(page);
    m_reject = new QPushButton(page);
    m_fourEyes = new QCheckBox(page);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fourEyes, 1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_reviewView);
    splitter->addWidget(m_reviewDiff);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    connect(m_reviewView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EditorialWindow::showReviewSelection);
    connect(m_approve, &QPushButton::clicked, this, [this]() {
        bool ok = false;
        const QString note =
            QInputDialog::getText(this, tr("Approve and publish"), tr("Change note (what changed, for the history):"),
                                  QLineEdit::Normal, QString(), &ok);
        if (ok) {
            approveSelected(note);
        }
    });
    connect(m_reject, &QPushButton::clicked, this, [this]() {
        bool ok = false;
        const QString comment = QInputDialog::getMultiLineText(
            this, tr("Send back"), tr("What must the author change? (required)"), QString(), &ok);
        if (ok) {
            rejectSelected(comment);
        }
    });
    connect(m_fourEyes, &QCheckBox::toggled, this, [this](bool on) {
        if (on == m_session->store()->fourEyes()) {
            return;
        }
        QString error;
        if (!m_session->store()->setFourEyes(on, &error)) {
            setMessage(error);
            const QSignalBlocker blocker(m_fourEyes);
            m_fourEyes->setChecked(!on);
            return;
        }
        setMessage(on ? tr("Four-eyes review is on: another team lead approves every change.")
                      : tr("Four-eyes review is off: team leads publish their own changes."));
        if (m_editor->hasArticle()) {
            m_editor->editArticle(m_editor->articleId()); // refreshes the publish button
        }
    });
    return page;
}

void EditorialWindow::refreshReview()
{
    QString error;
    m_review->removeRows(0, m_review->rowCount());
    for (const kb::Draft &draft : m_session->store()->drafts(QString(), &error)) {
        if (draft.state != kb::DraftState::InReview) {
            continue;
        }
        QList<QStandardItem *> row = rowOf({draft.content.title, draft.authorName, localTime(draft.submittedAt),
                                            draft.baseVersion == 0 ? tr("new") : QString::number(draft.baseVersion)},
                                           draft.articleId);
        for (QStandardItem *item : row) {
            item->setData(draft.authorId, AuthorRole);
        }
        m_review->appendRow(row);
    }
    const QSignalBlocker blocker(m_fourEyes);
    m_fourEyes->setChecked(m_session->store()->fourEyes());
    showReviewSelection();
}

void EditorialWindow::showReviewSelection()
{
    const QModelIndex index = m_reviewView->currentIndex();
    const bool selected = index.isValid();
    m_approve->setEnabled(selected);
    m_reject->setEnabled(selected);
    if (!selected) {
        m_reviewDiff->setHtml(m_review->rowCount() == 0 ? tr("<p>No drafts are waiting for review.</p>")
                                                        : tr("<p>Select a draft to compare it.</p>"));
        return;
    }
    const QString id = index.data(IdRole).toString();
    const auto draft = m_session->store()->draft(id, index.data(AuthorRole).toLongLong());
    if (!draft) {
        return;
    }
    const kb::Article published = m_session->store()->article(id).value_or(kb::Article());
    m_reviewDiff->setHtml(renderSideBySideDiff(kb::diffArticles(published, draft->content),
                                               tr("Published (version %1)").arg(draft->baseVersion),
                                               tr("Draft by %1").arg(draft->authorName)));
}

bool EditorialWindow::approveSelected(const QString &changeNote)
{
    const QModelIndex index = m_reviewView->currentIndex();
    if (!index.isValid()) {
        return false;
    }
    QString error;
    const kb::EditResult result = m_session->store()->approveDraft(
        index.data(IdRole).toString(), index.data(AuthorRole).toLongLong(), changeNote, &error);
    if (result.isConflict()) {
        setMessage(tr("Not published: the service changed since this draft was written. Its author must "
                      "look at both versions first."));
        return false;
    }
    if (!result.ok()) {
        setMessage(tr("Not published: %1").arg(error));
        return false;
    }
    setMessage(tr("Published as version %1.").arg(result.publishedVersion));
    Q_EMIT m_session->catalogueChanged();
    refreshReview();
    refreshArticles();
    return true;
}

bool EditorialWindow::rejectSelected(const QString &comment)
{
    const QModelIndex index = m_reviewView->currentIndex();
    if (!index.isValid()) {
        return false;
    }
    QString error;
    if (!m_session->store()->rejectDraft(index.data(IdRole).toString(), index.data(AuthorRole).toLongLong(), comment,
                                         &error)) {
        setMessage(tr("Not sent back: %1").arg(error));
        return false;
    }
    setMessage(tr("Sent back to its author."));
    refreshReview();
    return true;
}

// ---- History -----------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildHistoryPage()
{
    auto *page = new QWidget(this);
    m_historyTitle = new QLabel(page);
    m_historyTitle->setWordWrap(true);
    m_historyView = makeTree(page, m_history);
    m_fromVersion = new QComboBox(page);
    m_toVersion = new QComboBox(page);
    m_historyDiff = new QTextBrowser(page);
    m_restore = new QPushButton(page);
    auto *compare = new QHBoxLayout;
    compare->addWidget(m_fromVersion);
    compare->addWidget(m_toVersion);
    compare->addStretch(1);
    compare->addWidget(m_restore);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_historyView);
    splitter->addWidget(m_historyDiff);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_historyTitle);
    layout->addLayout(compare);
    layout->addWidget(splitter, 1);
    const auto compareChosen = [this]() {
        if (m_fromVersion->currentIndex() >= 0 && m_toVersion->currentIndex() >= 0) {
            compareVersions(m_fromVersion->currentData().toInt(), m_toVersion->currentData().toInt());
        }
    };
    connect(m_fromVersion, &QComboBox::activated, this, compareChosen);
    connect(m_toVersion, &QComboBox::activated, this, compareChosen);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_restore->setEnabled(current.isValid());
                const int version = current.data(VersionRole).toInt();
                if (version > 1) {
                    compareVersions(version - 1, version); // what this version changed
                }
            });
    connect(m_restore, &QPushButton::clicked, this, [this]() { restoreSelectedVersion(); });
    return page;
}

void EditorialWindow::showHistory(const QString &id)
{
    m_historyArticle = id;
    showPage(HistoryPage);
    refreshHistory();
}

void EditorialWindow::refreshHistory()
{
    m_history->removeRows(0, m_history->rowCount());
    m_fromVersion->clear();
    m_toVersion->clear();
    m_restore->setEnabled(false);
    if (m_historyArticle.isEmpty()) {
        m_historyTitle->setText(tr("Open a service in the editor and choose “History” to see its versions."));
        m_historyDiff->clear();
        return;
    }
    QString error;
    const QList<kb::ArticleVersion> versions = m_session->store()->history(m_historyArticle, &error);
    m_historyTitle->setText(versions.isEmpty() ? tr("No published versions of %1 yet.").arg(m_historyArticle)
                                               : tr("History of “%1”").arg(versions.first().content.title));
    for (const kb::ArticleVersion &v : versions) {
        QList<QStandardItem *> row =
            rowOf({QString::number(v.version), localTime(v.publishedAt), v.publishedBy, v.authorName, v.summary},
                  v.articleId);
        for (QStandardItem *item : row) {
            item->setData(v.version, VersionRole);
        }
        m_history->appendRow(row);
        m_fromVersion->addItem(tr("Version %1").arg(v.version), v.version);
        m_toVersion->addItem(tr("Version %1").arg(v.version), v.version);
    }
    if (versions.size() >= 2) {
        m_toVersion->setCurrentIndex(0);
        m_fromVersion->setCurrentIndex(1);
        compareVersions(versions.at(1).version, versions.at(0).version);
    } else {
        m_historyDiff->setHtml(tr("<p>Only one version: nothing to compare yet.</p>"));
    }
}

void EditorialWindow::compareVersions(int from, int to)
{
    const auto before = m_session->store()->articleVersion(m_historyArticle, from);
    const auto after = m_session->store()->articleVersion(m_historyArticle, to);
    if (!before || !after) {
        m_historyDiff->setHtml(tr("<p>These versions are not in the history.</p>"));
        return;
    }
    m_fromVersion->setCurrentIndex(m_fromVersion->findData(from));
    m_toVersion->setCurrentIndex(m_toVersion->findData(to));
    m_historyDiff->setHtml(renderSideBySideDiff(kb::diffArticles(before->content, after->content),
                                                tr("Version %1").arg(from), tr("Version %1").arg(to)));
}

bool EditorialWindow::restoreSelectedVersion()
{
    const QModelIndex index = m_historyView->currentIndex();
    if (!index.isValid()) {
        return false;
    }
    QString error;
    const int version = index.data(VersionRole).toInt();
    const kb::EditResult result = m_session->store()->restoreVersion(m_historyArticle, version, &error);
    if (!result.ok()) {
        setMessage(tr("Not restored: %1").arg(error));
        return false;
    }
    setMessage(tr("Version %1 is now your draft: check it and publish.").arg(version));
    editArticle(m_historyArticle);
    return true;
}

// ---- Review dates ------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildReviewDatesPage()
{
    auto *page = new QWidget(this);
    m_reviewDatesView = makeTree(page, m_reviewDates);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_reviewDatesView);
    connect(m_reviewDatesView, &QTreeView::activated, this,
            [this](const QModelIndex &index) { editArticle(index.data(IdRole).toString()); });
    return page;
}

void EditorialWindow::refreshReviewDates()
{
    QString error;
    m_reviewDates->removeRows(0, m_reviewDates->rowCount());
    for (const kb::ReviewItem &item : m_session->store()->reviewDue(QDate::currentDate(), ReviewHorizonDays, &error)) {
        QStringList reasons;
        if (item.status.needsReview) {
            reasons << tr("review date reached");
        }
        if (item.status.notYetValid) {
            reasons << tr("valid from %1").arg(localDate(item.validFrom));
        } else if (item.status.expired) {
            reasons << tr("expired %1").arg(localDate(item.validTo));
        } else if (item.status.validityChange) {
            reasons << tr("validity ends %1").arg(localDate(item.validTo));
        }
        if (item.status.openFlags > 0) {
            reasons << tr("%n open flag(s)", nullptr, item.status.openFlags);
        }
        m_reviewDates->appendRow(
            rowOf({item.title, localDate(item.reviewBy), reasons.join(QStringLiteral(", "))}, item.articleId));
    }
    if (!error.isEmpty()) {
        setMessage(error);
    }
}

// ---- Flags ---------------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildFlagsPage()
{
    auto *page = new QWidget(this);
    m_flagsView = makeTree(page, m_flags);
    m_resolveFlag = new QPushButton(page);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_resolveFlag);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_flagsView, 1);
    layout->addLayout(buttons);
    connect(m_flagsView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        editArticle(m_flags->item(index.row(), 0)->data(AuthorRole).toString());
    });
    connect(m_resolveFlag, &QPushButton::clicked, this, [this]() {
        bool ok = false;
        const QString resolution =
            QInputDialog::getText(this, tr("Resolve flag"), tr("What was done?"), QLineEdit::Normal, QString(), &ok);
        if (ok) {
            resolveSelectedFlag(resolution);
        }
    });
    return page;
}

void EditorialWindow::refreshFlags()
{
    QString error;
    m_flags->removeRows(0, m_flags->rowCount());
    for (const kb::ArticleFlag &flag : m_session->store()->flags(true, &error)) {
        QList<QStandardItem *> row =
            rowOf({flag.articleTitle, flag.comment, flag.raisedBy, localTime(flag.raisedAt)}, flag.id);
        for (QStandardItem *item : row) {
            item->setData(flag.articleId, AuthorRole); // the article to open
        }
        m_flags->appendRow(row);
    }
    m_resolveFlag->setEnabled(m_flags->rowCount() > 0);
}

bool EditorialWindow::resolveSelectedFlag(const QString &resolution)
{
    const QModelIndex index = m_flagsView->currentIndex();
    if (!index.isValid()) {
        return false;
    }
    QString error;
    if (!m_session->store()->resolveFlag(index.data(IdRole).toLongLong(), resolution, &error)) {
        setMessage(tr("Not resolved: %1").arg(error));
        return false;
    }
    refreshFlags();
    return true;
}

// ---- Synonyms ------------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildSynonymsPage()
{
    auto *page = new QWidget(this);
    // Hundreds of entries: a filter over term and expansions ("Ausweis" shows "Perso", "Kennkarte" …).
    m_synonymFilter = new QSortFilterProxyModel(page);
    m_synonymFilter->setSourceModel(m_synonyms);
    m_synonymFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_synonymFilter->setFilterKeyColumn(-1);
    m_synonymSearch = new QLineEdit(page);
    m_synonymSearch->setObjectName(QStringLiteral("synonymFilter"));
    m_synonymSearch->setClearButtonEnabled(true);
    connect(m_synonymSearch, &QLineEdit::textChanged, m_synonymFilter, &QSortFilterProxyModel::setFilterFixedString);
    m_synonymsView = makeTree(page, m_synonymFilter);
    m_synonymsView->setObjectName(QStringLiteral("synonymsView"));
    m_synonymTerm = new QLineEdit(page);
    m_synonymTerm->setObjectName(QStringLiteral("synonymTerm"));
    m_synonymExpansions = new QLineEdit(page);
    m_saveSynonym = new QPushButton(page);
    m_removeSynonym = new QPushButton(page);
    m_addDefaultSynonyms = new QPushButton(page);
    m_addDefaultSynonyms->setObjectName(QStringLiteral("addDefaultSynonyms"));
    auto *edit = new QHBoxLayout;
    edit->addWidget(m_synonymTerm, 1);
    edit->addWidget(m_synonymExpansions, 2);
    edit->addWidget(m_saveSynonym);
    edit->addWidget(m_removeSynonym);
    edit->addWidget(m_addDefaultSynonyms);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_synonymSearch);
    layout->addWidget(m_synonymsView, 1);
    layout->addLayout(edit);
    connect(m_synonymsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid()) {
                    const int row = m_synonymFilter->mapToSource(current).row();
                    m_synonymTerm->setText(m_synonyms->item(row, 0)->text());
                    m_synonymExpansions->setText(m_synonyms->item(row, 1)->text());
                }
            });
    const auto save = [this]() {
        QStringList expansions;
        for (const QString &part : m_synonymExpansions->text().split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty()) {
                expansions << part.trimmed();
            }
        }
        if (saveSynonym(m_synonymTerm->text().trimmed(), expansions)) {
            m_synonymTerm->clear();
            m_synonymExpansions->clear();
            m_synonymTerm->setFocus();
        }
    };
    connect(m_saveSynonym, &QPushButton::clicked, this, save);
    connect(m_synonymExpansions, &QLineEdit::returnPressed, this, save);
    connect(m_removeSynonym, &QPushButton::clicked, this, [this]() { removeSelectedSynonym(); });
    connect(m_addDefaultSynonyms, &QPushButton::clicked, this, [this]() { addDefaultSynonyms(); });
    return page;
}

int EditorialWindow::addDefaultSynonyms()
{
    int added = 0;
    QString error;
    const bool ok = kb::addMissingDefaultSynonyms(*m_session->store(), &added, &error);
    // The built-in example questions too, for the articles of the built-in catalogue that have none (a
    // catalogue from before them).
    int asked = 0;
    const bool questionsOk = ok && kb::addMissingDefaultQuestions(*m_session->store(), &asked, &error);
    if (!ok) {
        setMessage(tr("Built-in synonyms: %n added, then: %1", nullptr, added).arg(error));
    } else if (!questionsOk) {
        setMessage(tr("%n built-in synonym(s) added; adding the built-in example questions failed: %1", nullptr, added)
                       .arg(error));
    } else {
        setMessage(tr("%n built-in synonym(s) added; the entries the table had are unchanged.", nullptr, added) +
                   QLatin1Char(' ') +
                   tr("Built-in example questions added to %n article(s) that had none.", nullptr, asked));
    }
    refreshSynonyms();
    return ok && questionsOk ? added : -1;
}

void EditorialWindow::refreshSynonyms()
{
    QString error;
    m_synonyms->removeRows(0, m_synonyms->rowCount());
    for (const kb::Synonym &synonym : m_session->store()->synonyms(&error)) {
        m_synonyms->appendRow(rowOf({synonym.term, synonym.expansions.join(QStringLiteral(", "))}, synonym.term));
    }
}

bool EditorialWindow::saveSynonym(const QString &term, const QStringList &expansions)
{
    if (term.isEmpty() || expansions.isEmpty()) {
        setMessage(tr("A synonym needs a term and at least one word it stands for."));
        return false;
    }
    QString error;
    if (!m_session->store()->setSynonym(kb::Synonym{term, expansions}, &error)) {
        setMessage(tr("Synonym not saved: %1").arg(error));
        return false;
    }
    setMessage(tr("“%1” now also finds %2.").arg(term, expansions.join(QStringLiteral(", "))));
    Q_EMIT m_session->catalogueChanged();
    refreshSynonyms();
    return true;
}

bool EditorialWindow::removeSelectedSynonym()
{
    const QModelIndex index = m_synonymsView->currentIndex();
    if (!index.isValid()) {
        return false;
    }
    QString error;
    if (!m_session->store()->removeSynonym(index.data(IdRole).toString(), &error)) {
        setMessage(tr("Synonym not removed: %1").arg(error));
        return false;
    }
    Q_EMIT m_session->catalogueChanged();
    refreshSynonyms();
    return true;
}

// ---- Knowledge gaps ------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildGapsPage()
{
    auto *page = new QWidget(this);
    m_gapsSummary = new QLabel(page);
    m_gapsSummary->setWordWrap(true);
    m_gapsView = makeTree(page, m_gaps);
    // The words no way of matching reached, "Foodtruck — 14": Enter (or a double click) on one opens the synonym
    // table with it as the new term.
    m_unknownWordsLabel = new QLabel(page);
    m_unknownWordsLabel->setWordWrap(true);
    m_unknownWordsView = makeTree(page, m_unknownWords);
    m_unknownWordsView->setObjectName(QStringLiteral("unknownWordsView"));
    m_unknownWordsLabel->setBuddy(m_unknownWordsView);
    connect(m_unknownWordsView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString word = index.data(IdRole).toString();
        if (word.isEmpty()) {
            return;
        }
        m_tabs->setCurrentIndex(SynonymsPage);
        m_synonymTerm->setText(word);
        m_synonymExpansions->clear();
        m_synonymExpansions->setFocus(Qt::OtherFocusReason);
    });
    // A search nobody found an answer for is how callers ask: the lead adds it to the example questions of the
    // service open in the editor (the editor's field, saved and published the usual way).
    m_addGapAsQuestion = new QPushButton(page);
    m_addGapAsQuestion->setObjectName(QStringLiteral("addGapAsQuestion"));
    m_addGapAsQuestion->setEnabled(false);
    connect(m_addGapAsQuestion, &QPushButton::clicked, this, [this]() { addSelectedGapAsQuestion(); });
    connect(m_gapsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this]() { updateGapButtons(); });
    connect(m_gaps, &QAbstractItemModel::rowsRemoved, this, [this]() { updateGapButtons(); });
    auto *gapButtons = new QHBoxLayout;
    gapButtons->addStretch(1);
    gapButtons->addWidget(m_addGapAsQuestion);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_gapsSummary);
    layout->addWidget(m_gapsView, 2);
    layout->addLayout(gapButtons);
    layout->addWidget(m_unknownWordsLabel);
    layout->addWidget(m_unknownWordsView, 1);
    return page;
}

void EditorialWindow::refreshGaps()
{
    QString error;
    const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-30);
    const kb::GapReport report = m_session->store()->knowledgeGaps(since, &error);
    m_gaps->removeRows(0, m_gaps->rowCount());
    for (const kb::KnowledgeGap &gap : report.gaps) {
        QList<QStandardItem *> row =
            rowOf({gap.example.isEmpty() ? gap.query : gap.example, QString::number(gap.searches),
                   QString::number(gap.withoutResults), localTime(gap.lastSearched), tr("search")},
                  gap.query);
        for (QStandardItem *item : row) {
            item->setData(true, GapSearchRole);
        }
        m_gaps->appendRow(row);
    }
    m_unknownWords->removeRows(0, m_unknownWords->rowCount());
    for (const kb::UnknownWord &word : report.unknownWords) {
        m_unknownWords->appendRow(
            rowOf({word.word, QString::number(word.searches), localTime(word.lastSearched)}, word.word));
    }
    for (const kb::ArticleFlag &flag : report.openFlags) {
        m_gaps->appendRow(
            rowOf({flag.articleTitle, QString(), QString(), localTime(flag.raisedAt), tr("flag: %1").arg(flag.comment)},
                  flag.articleId));
    }
    m_gapsSummary->setText(error.isEmpty()
                               ? tr("Last 30 days: %n search(es) logged. Listed: queries that found nothing or whose "
                                    "results nobody opened, most frequent first, and the agents' open flags.",
                                    nullptr, report.searchesLogged)
                               : error);
    updateGapButtons();
}

void EditorialWindow::updateGapButtons()
{
    const QModelIndexList selected = m_gapsView->selectionModel()->selectedRows();
    const bool search = !selected.isEmpty() && selected.first().data(GapSearchRole).toBool();
    const QString title = m_editor->hasArticle() ? m_editor->titleEdit()->text().trimmed() : QString();
    m_addGapAsQuestion->setEnabled(search && !m_editor->articleId().isEmpty() && m_editor->isEnabled());
    if (title.isEmpty()) {
        m_addGapAsQuestion->setText(tr("Add to the &example questions of the edited service"));
        name(m_addGapAsQuestion, tr("Add to the example questions of the edited service"),
             tr("Adds the selected search, as typed, as an example question of the service open in the editor; "
                "open a service on the Services tab first. Save or publish there to keep it"));
    } else {
        QString escaped = title;
        escaped.replace(QLatin1Char('&'), QStringLiteral("&&"));
        m_addGapAsQuestion->setText(tr("Add to the &example questions of “%1”").arg(escaped));
        name(m_addGapAsQuestion, tr("Add to the example questions of “%1”").arg(title),
             tr("Adds the selected search, as typed, as an example question of the service open in the editor; "
                "save or publish there to keep it"));
    }
}

bool EditorialWindow::addSelectedGapAsQuestion()
{
    const QModelIndexList selected = m_gapsView->selectionModel()->selectedRows();
    if (selected.isEmpty() || !selected.first().data(GapSearchRole).toBool()) {
        setMessage(tr("Select a search (not a flag) in the knowledge gaps first."));
        return false;
    }
    if (m_editor->articleId().isEmpty()) {
        setMessage(tr("Open a service in the editor first (Services tab), then add the search to its example "
                      "questions."));
        return false;
    }
    const QString question = m_gaps->item(selected.first().row(), 0)->text().trimmed();
    const QString title = m_editor->titleEdit()->text().trimmed();
    QPlainTextEdit *field = m_editor->questionsEdit();
    if (question.isEmpty()) {
        return false;
    }
    const QStringList existing = m_editor->content().questions;
    const bool known = std::any_of(existing.cbegin(), existing.cend(), [&question](const QString &q) {
        return q.compare(question, Qt::CaseInsensitive) == 0;
    });
    if (!known) {
        // Appended through a cursor, so Ctrl+Z in the field takes it back; the field's change starts the draft's
        // autosave like typing does.
        QTextCursor cursor(field->document());
        cursor.movePosition(QTextCursor::End);
        cursor.beginEditBlock();
        if (!field->toPlainText().isEmpty() && !field->toPlainText().endsWith(QLatin1Char('\n'))) {
            cursor.insertText(QStringLiteral("\n"));
        }
        cursor.insertText(question);
        cursor.endEditBlock();
        field->setTextCursor(cursor);
    }
    m_tabs->setCurrentIndex(ArticlesPage);
    field->setFocus(Qt::OtherFocusReason);
    field->ensureCursorVisible();
    setMessage(
        known ? tr("“%1” is already one of the example questions of “%2”.").arg(question, title)
              : tr("“%1” added to the example questions of “%2”; save or publish to keep it.").arg(question, title));
    return !known;
}

// ---- Audit ---------------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildAuditPage()
{
    auto *page = new QWidget(this);
    m_auditView = makeTree(page, m_audit);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_auditView);
    return page;
}

void EditorialWindow::refreshAudit()
{
    QString error;
    m_audit->removeRows(0, m_audit->rowCount());
    for (const kb::AuditEntry &entry : m_session->store()->auditLog(QString(), 500, &error)) {
        m_audit->appendRow(rowOf({localTime(entry.at), entry.actor, entry.action, entry.articleId,
                                  entry.version > 0 ? QString::number(entry.version) : QString(), entry.summary},
                                 entry.id));
    }
}

// ---- Users --------------------------------------------------------------------------------------------------------

QWidget *EditorialWindow::buildUsersPage()
{
    auto *page = new QWidget(this);
    m_usersView = makeTree(page, m_users);
    m_userName = new QLineEdit(page);
    m_userDisplayName = new QLineEdit(page);
    m_userPassword = new QLineEdit(page);
    m_userPassword->setEchoMode(QLineEdit::Password);
    m_userLead = new QCheckBox(page);
    m_addUser = new QPushButton(page);
    m_toggleRole = new QPushButton(page);
    m_toggleActive = new QPushButton(page);
    auto *add = new QHBoxLayout;
    add->addWidget(m_userName, 1);
    add->addWidget(m_userDisplayName, 1);
    add->addWidget(m_userPassword, 1);
    add->addWidget(m_userLead);
    add->addWidget(m_addUser);
    auto *change = new QHBoxLayout;
    change->addStretch(1);
    change->addWidget(m_toggleRole);
    change->addWidget(m_toggleActive);
    m_sharedUsersHint = new QLabel(page);
    m_sharedUsersHint->setWordWrap(true);
    m_sharedUsersHint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_usersView, 1);
    layout->addLayout(change);
    layout->addLayout(add);
    layout->addWidget(m_sharedUsersHint);
    // Shared server: the server login is the sign-in, and logins and their rights (group roles) are the
    // administrator's (hotline-admin user add), so adding users and changing roles here would only change the
    // editorial row and leave the login's rights behind. Disabling an account works (sign-in and every write check
    // users.active).
    const bool shared = m_session->isShared();
    for (QWidget *w : std::initializer_list<QWidget *>{m_userName, m_userDisplayName, m_userPassword, m_userLead,
                                                       m_addUser, m_toggleRole}) {
        w->setVisible(!shared);
    }
    m_sharedUsersHint->setVisible(shared);
    connect(m_addUser, &QPushButton::clicked, this, [this]() {
        if (addUser(m_userName->text().trimmed(), m_userDisplayName->text().trimmed(), m_userLead->isChecked(),
                    m_userPassword->text())) {
            m_userName->clear();
            m_userDisplayName->clear();
            m_userPassword->clear();
            m_userLead->setChecked(false);
        }
    });
    connect(m_toggleRole, &QPushButton::clicked, this, [this]() {
        const QModelIndex index = m_usersView->currentIndex();
        if (index.isValid()) {
            setSelectedUserRole(index.data(AuthorRole).toInt() != int(kb::Role::Lead));
        }
    });
    connect(m_toggleActive, &QPushButton::clicked, this, [this]() {
        const QModelIndex index = m_usersView->currentIndex();
        if (index.isValid()) {
            setSelectedUserActive(!index.data(VersionRole).toBool());
        }
    });
    return page;
}

void EditorialWindow::refreshUsers()
{
    QString error;
    m_users->removeRows(0, m_users->rowCount());
    for (const kb::User &user : m_session->store()->users(&error)) {
        QList<QStandardItem *> row =
            rowOf({user.name, user.displayName, user.role == kb::Role::Lead ? tr("team lead") : tr("agent"),
                   user.active ? tr("active") : tr("disabled")},
                  user.name);
        for (QStandardItem *item : row) {
            item->setData(int(user.role), AuthorRole);
            item->setData(user.active, VersionRole);
        }
        m_users->appendRow(row);
    }
    if (!error.isEmpty()) {
        setMessage(error);
    }
}

bool EditorialWindow::addUser(const QString &name, const QString &displayName, bool lead, const QString &password)
{
    if (m_session->isShared()) {
        setMessage(m_sharedUsersHint->text());
        return false;
    }
    QString error;
    if (!m_session->store()->createUser(name, displayName.isEmpty() ? name : displayName,
                                        lead ? kb::Role::Lead : kb::Role::Agent, password, &error)) {
        setMessage(tr("User not added: %1").arg(error));
        return false;
    }
    setMessage(tr("%1 can sign in now.").arg(name));
    refreshUsers();
    return true;
}

bool EditorialWindow::setSelectedUserRole(bool lead)
{
    if (m_session->isShared()) {
        setMessage(m_sharedUsersHint->text());
        return false;
    }
    const QModelIndex index = m_usersView->currentIndex();
    QString error;
    if (!index.isValid() ||
        !m_session->store()->setRole(index.data(IdRole).toString(), lead ? kb::Role::Lead : kb::Role::Agent, &error)) {
        setMessage(tr("Role not changed: %1").arg(error));
        return false;
    }
    refreshUsers();
    return true;
}

bool EditorialWindow::setSelectedUserActive(bool active)
{
    const QModelIndex index = m_usersView->currentIndex();
    QString error;
    if (!index.isValid() || !m_session->store()->setUserActive(index.data(IdRole).toString(), active, &error)) {
        setMessage(tr("Account not changed: %1").arg(error));
        return false;
    }
    refreshUsers();
    return true;
}

// ---- Common --------------------------------------------------------------------------------------------------------

void EditorialWindow::refresh()
{
    switch (m_tabs->currentIndex()) {
    case ArticlesPage:
        refreshArticles();
        break;
    case ReviewPage:
        refreshReview();
        break;
    case HistoryPage:
        refreshHistory();
        break;
    case ReviewDatesPage:
        refreshReviewDates();
        break;
    case FlagsPage:
        refreshFlags();
        break;
    case SynonymsPage:
        refreshSynonyms();
        break;
    case GapsPage:
        refreshGaps();
        break;
    case AuditPage:
        refreshAudit();
        break;
    case UsersPage:
        refreshUsers();
        break;
    }
}

void EditorialWindow::showPage(Page page)
{
    if (m_tabs->currentIndex() == page) {
        refresh();
    } else {
        m_tabs->setCurrentIndex(page); // refreshes through currentChanged
    }
}

void EditorialWindow::setMessage(const QString &text)
{
    m_message->setText(text);
}

void EditorialWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void EditorialWindow::retranslateUi()
{
    setWindowTitle(tr("Catalogue editing – Hotline Desk"));
    m_tabs->setTabText(ArticlesPage, tr("&Services"));
    m_tabs->setTabText(ReviewPage, tr("Re&view queue"));
    m_tabs->setTabText(HistoryPage, tr("&History"));
    m_tabs->setTabText(ReviewDatesPage, tr("Review &dates"));
    m_tabs->setTabText(FlagsPage, tr("&Flags"));
    m_tabs->setTabText(SynonymsPage, tr("S&ynonyms"));
    m_tabs->setTabText(GapsPage, tr("Knowledge &gaps"));
    m_tabs->setTabText(AuditPage, tr("Audit &log"));
    name(m_tabs, tr("Catalogue editing"),
         tr("Editor, review queue, history, review dates, flags, synonyms, "
            "knowledge gaps and audit log"));
    name(m_message, tr("Message"), tr("The result of the last action"));
    m_articleSearch->setPlaceholderText(tr("Filter services"));
    name(m_articleSearch, tr("Filter services"), tr("Type part of a title to narrow the list"));
    name(m_articleList, tr("Services"), tr("Enter opens the service in the editor"));
    m_newArticle->setText(tr("&New service"));
    name(m_newArticle, tr("New service"), tr("Starts a draft of a new service"));
    m_historyButton->setText(tr("H&istory of this service"));
    name(m_historyButton, tr("History of this service"), tr("Shows the published versions of the open service"));

    m_review->setHorizontalHeaderLabels({tr("Service"), tr("Author"), tr("Submitted"), tr("Based on version")});
    name(m_reviewView, tr("Drafts in review"), tr("Drafts waiting for a team lead's approval"));
    name(m_reviewDiff, tr("Changes of the draft"), tr("The published text on the left, the draft on the right"));
    m_approve->setText(tr("A&pprove and publish"));
    name(m_approve, tr("Approve and publish"), tr("Publishes the selected draft as a new version"));
    m_reject->setText(tr("Send &back…"));
    name(m_reject, tr("Send back"), tr("Returns the selected draft to its author with a comment"));
    m_fourEyes->setText(tr("F&our-eyes review (a second team lead approves every change)"));
    name(m_fourEyes, tr("Four-eyes review"),
         tr("On: another team lead approves each change. Off: team leads publish their own changes"));

    m_history->setHorizontalHeaderLabels(
        {tr("Version"), tr("Published"), tr("Published by"), tr("Author"), tr("Change note")});
    name(m_historyTitle, tr("History"), tr("Which service's history is shown"));
    name(m_historyView, tr("Versions"), tr("Every published version, newest first"));
    name(m_fromVersion, tr("Compare from"), tr("The older version of the comparison"));
    name(m_toVersion, tr("Compare to"), tr("The newer version of the comparison"));
    name(m_historyDiff, tr("Differences"),
         tr("Removed text struck through on the left, added text underlined "
            "on the right"));
    m_restore->setText(tr("&Restore as draft"));
    name(m_restore, tr("Restore as draft"), tr("Makes the selected version your draft, to check and publish"));

    m_reviewDates->setHorizontalHeaderLabels({tr("Service"), tr("Review by"), tr("Why")});
    name(m_reviewDatesView, tr("Services to review"),
         tr("Past their review date, validity changing soon, or flagged; Enter opens the editor"));

    m_flags->setHorizontalHeaderLabels({tr("Service"), tr("Comment"), tr("Raised by"), tr("Raised")});
    name(m_flagsView, tr("Open flags"), tr("What agents reported as wrong or outdated; Enter opens the editor"));
    m_resolveFlag->setText(tr("&Resolve…"));
    name(m_resolveFlag, tr("Resolve flag"), tr("Marks the selected flag as dealt with"));

    m_synonyms->setHorizontalHeaderLabels({tr("Term"), tr("Also searches for")});
    m_synonymSearch->setPlaceholderText(tr("Filter synonyms"));
    name(m_synonymSearch, tr("Filter synonyms"), tr("Type part of a term or of what it stands for to narrow the list"));
    name(m_synonymsView, tr("Synonym table"), tr("Words callers use and what they stand for"));
    m_synonymTerm->setPlaceholderText(tr("Term, e.g. Perso"));
    name(m_synonymTerm, tr("Synonym term"), tr("The word callers use"));
    m_synonymExpansions->setPlaceholderText(tr("Stands for, e.g. Personalausweis (comma-separated)"));
    name(m_synonymExpansions, tr("Synonym expansions"), tr("The words the term also searches for, comma-separated"));
    m_saveSynonym->setText(tr("Save syno&nym"));
    name(m_saveSynonym, tr("Save synonym"), tr("Adds or replaces the term; effective in search at once"));
    m_addDefaultSynonyms->setText(tr("Add &built-in synonyms and questions"));
    name(m_addDefaultSynonyms, tr("Add built-in synonyms and example questions"),
         tr("Adds the synonyms this version ships whose terms the table lacks, and its example questions to the "
            "articles of the built-in catalogue that have none; changes no entry or question there is"));
    m_removeSynonym->setText(tr("Re&move"));
    name(m_removeSynonym, tr("Remove synonym"), tr("Removes the selected term"));

    m_gaps->setHorizontalHeaderLabels(
        {tr("Query or service"), tr("Searches"), tr("Without results"), tr("Last"), tr("Kind")});
    name(m_gapsSummary, tr("Knowledge gaps summary"), tr("The period and how many searches were logged"));
    name(m_gapsView, tr("Knowledge gaps"), tr("What to write next: unanswered queries and agents' flags"));
    updateGapButtons();
    m_unknownWordsLabel->setText(tr("Words the catalogue does not &know (last 30 days, most searched first):"));
    m_unknownWords->setHorizontalHeaderLabels({tr("Word"), tr("Searches"), tr("Last")});
    name(m_unknownWordsView, tr("Words the catalogue does not know"),
         tr("Searched words no service, keyword or synonym matches, with how often they were searched. Enter adds "
            "one to the synonym table."));

    m_audit->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Action"), tr("Service"), tr("Version"), tr("What")});
    name(m_auditView, tr("Audit log"), tr("Who changed what and when, newest first"));

    m_tabs->setTabText(UsersPage, tr("&Users"));
    m_users->setHorizontalHeaderLabels({tr("Login name"), tr("Display name"), tr("Role"), tr("Account")});
    name(m_usersView, tr("Users"), tr("Everyone who can sign in to this catalogue"));
    m_userName->setPlaceholderText(tr("Login name"));
    name(m_userName, tr("New user's login name"), tr("Letters, digits, dot, underscore, hyphen or @"));
    m_userDisplayName->setPlaceholderText(tr("Display name"));
    name(m_userDisplayName, tr("New user's display name"), tr("The name colleagues see"));
    m_userPassword->setPlaceholderText(tr("Initial password"));
    name(m_userPassword, tr("New user's password"), tr("At least 10 characters; the user can change it later"));
    m_userLead->setText(tr("&Team lead"));
    name(m_userLead, tr("Team lead"), tr("Checked: the new user may edit and publish"));
    m_addUser->setText(tr("Add us&er"));
    name(m_addUser, tr("Add user"), tr("Creates the account"));
    m_toggleRole->setText(tr("Agent ↔ team lead"));
    name(m_toggleRole, tr("Change role"), tr("Makes the selected agent a team lead, or a team lead an agent"));
    m_toggleActive->setText(tr("Enable / disable"));
    name(m_toggleActive, tr("Enable or disable"), tr("A disabled account cannot sign in"));
    m_sharedUsersHint->setText(
        tr("On the shared server everyone signs in with their server login. The administrator adds logins and "
           "changes roles with \"hotline-admin user add NAME --role agent|lead\"; here you can disable an account."));
    name(m_sharedUsersHint, tr("Users on the shared server"), m_sharedUsersHint->text());
}

ArticleEditor *EditorialWindow::editor() const
{
    return m_editor;
}

QTabWidget *EditorialWindow::tabs() const
{
    return m_tabs;
}

QStandardItemModel *EditorialWindow::articleModel() const
{
    return m_articles;
}

QStandardItemModel *EditorialWindow::reviewModel() const
{
    return m_review;
}

QStandardItemModel *EditorialWindow::historyModel() const
{
    return m_history;
}

QStandardItemModel *EditorialWindow::reviewDatesModel() const
{
    return m_reviewDates;
}

QStandardItemModel *EditorialWindow::flagsModel() const
{
    return m_flags;
}

QStandardItemModel *EditorialWindow::synonymModel() const
{
    return m_synonyms;
}

QStandardItemModel *EditorialWindow::gapsModel() const
{
    return m_gaps;
}

QStandardItemModel *EditorialWindow::unknownWordsModel() const
{
    return m_unknownWords;
}

QStandardItemModel *EditorialWindow::auditModel() const
{
    return m_audit;
}

QStandardItemModel *EditorialWindow::userModel() const
{
    return m_users;
}

QTextBrowser *EditorialWindow::historyDiff() const
{
    return m_historyDiff;
}

QTextBrowser *EditorialWindow::reviewDiff() const
{
    return m_reviewDiff;
}

QCheckBox *EditorialWindow::fourEyesBox() const
{
    return m_fourEyes;
}

} // namespace desk
