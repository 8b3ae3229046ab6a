#pragma once

#include <QMainWindow>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace desk {

class ArticleEditor;
class EditorialSession;

// The team lead's workroom beside the desk: the article editor, the review queue, an article's history with a
// side-by-side diff and restore, review dates, agents' flags, the synonym table, knowledge gaps and the audit log.
// Everything goes through the session's store, which refuses what the signed-in user's role may not do.
class EditorialWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorialWindow)

public:
    enum Page {
        ArticlesPage,
        ReviewPage,
        HistoryPage,
        ReviewDatesPage,
        FlagsPage,
        SynonymsPage,
        GapsPage,
        AuditPage,
        UsersPage,
    };

    explicit EditorialWindow(EditorialSession *session, QWidget *parent = nullptr);
    ~EditorialWindow() override;

    void showPage(Page page);
    void editArticle(const QString &id);
    void showHistory(const QString &id);
    void refresh();

    ArticleEditor *editor() const;
    QTabWidget *tabs() const;
    QStandardItemModel *articleModel() const;
    QStandardItemModel *reviewModel() const;
    QStandardItemModel *historyModel() const;
    QStandardItemModel *reviewDatesModel() const;
    QStandardItemModel *flagsModel() const;
    QStandardItemModel *synonymModel() const;
    QStandardItemModel *gapsModel() const;
    // The gaps page's words the catalogue did not know: word, searches (most frequent first); IdRole the word.
    QStandardItemModel *unknownWordsModel() const;
    QStandardItemModel *auditModel() const;
    QStandardItemModel *userModel() const;
    QTextBrowser *historyDiff() const;
    QTextBrowser *reviewDiff() const;
    QCheckBox *fourEyesBox() const;

    // Actions on the current selection, as the buttons trigger them (tests call them directly).
    bool approveSelected(const QString &changeNote = QString());
    bool rejectSelected(const QString &comment);
    bool restoreSelectedVersion();
    bool resolveSelectedFlag(const QString &resolution);
    bool saveSynonym(const QString &term, const QStringList &expansions);
    bool removeSelectedSynonym();
    // Knowledge gaps: appends the selected search, as typed, to the example questions field of the article open in
    // the editor (unless the field has it already, case-insensitively) and puts the cursor there. Nothing is
    // written to the store: the lead's draft and publish path keeps it. False (with a message) if nothing was added.
    bool addSelectedGapAsQuestion();
    // Adds the built-in synonyms whose terms the table lacks (a table from an older version); the number
    // added, or -1 if a write failed (the message says how many were added before).
    int addDefaultSynonyms();
    void compareVersions(int from, int to);
    bool addUser(const QString &name, const QString &displayName, bool lead, const QString &password);
    bool setSelectedUserRole(bool lead);
    bool setSelectedUserActive(bool active);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildArticlesPage();
    QWidget *buildReviewPage();
    QWidget *buildHistoryPage();
    QWidget *buildReviewDatesPage();
    QWidget *buildFlagsPage();
    QWidget *buildSynonymsPage();
    QWidget *buildGapsPage();
    QWidget *buildAuditPage();
    QWidget *buildUsersPage();
    void refreshArticles();
    void refreshReview();
    void refreshHistory();
    void refreshReviewDates();
    void refreshFlags();
    void refreshSynonyms();
    void refreshGaps();
    void updateGapButtons();
    void refreshAudit();
    void refreshUsers();
    void showReviewSelection();
    void retranslateUi();
    void setMessage(const QString &text);

    EditorialSession *m_session;
    QTabWidget *m_tabs;
    ArticleEditor *m_editor;
    QLabel *m_message;

    QStandardItemModel *m_articles;
    QSortFilterProxyModel *m_articleFilter;
    QLineEdit *m_articleSearch = nullptr;
    QListView *m_articleList = nullptr;
    QPushButton *m_newArticle = nullptr;
    QPushButton *m_historyButton = nullptr;

    QStandardItemModel *m_review;
    QTreeView *m_reviewView = nullptr;
    QTextBrowser *m_reviewDiff = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QCheckBox *m_fourEyes = nullptr;

    QString m_historyArticle;
    QStandardItemModel *m_history;
    QLabel *m_historyTitle = nullptr;
    QTreeView *m_historyView = nullptr;
    QComboBox *m_fromVersion = nullptr;
    QComboBox *m_toVersion = nullptr;
    QTextBrowser *m_historyDiff = nullptr;
    QPushButton *m_restore = nullptr;

    QStandardItemModel *m_reviewDates;
    QTreeView *m_reviewDatesView = nullptr;

    QStandardItemModel *m_flags;
    QTreeView *m_flagsView = nullptr;
    QPushButton *m_resolveFlag = nullptr;

    QStandardItemModel *m_synonyms;
    QSortFilterProxyModel *m_synonymFilter = nullptr;
    QPushButton *m_addDefaultSynonyms = nullptr;
    QLineEdit *m_synonymSearch = nullptr;
    QTreeView *m_synonymsView = nullptr;
    QLineEdit *m_synonymTerm = nullptr;
    QLineEdit *m_synonymExpansions = nullptr;
    QPushButton *m_saveSynonym = nullptr;
    QPushButton *m_removeSynonym = nullptr;

    QStandardItemModel *m_gaps;
    QTreeView *m_gapsView = nullptr;
    QLabel *m_gapsSummary = nullptr;
    QPushButton *m_addGapAsQuestion = nullptr;
    QStandardItemModel *m_unknownWords;
    QTreeView *m_unknownWordsView = nullptr;
    QLabel *m_unknownWordsLabel = nullptr;

    QStandardItemModel *m_audit;
    QTreeView *m_auditView = nullptr;

    QStandardItemModel *m_users;
    QTreeView *m_usersView = nullptr;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_userDisplayName = nullptr;
    QLineEdit *m_userPassword = nullptr;
    QCheckBox *m_userLead = nullptr;
    QPushButton *m_addUser = nullptr;
    QPushButton *m_toggleRole = nullptr;
    QPushButton *m_toggleActive = nullptr;
    QLabel *m_sharedUsersHint = nullptr; // shared mode: logins are made with hotline-admin
};

} // namespace desk
