#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QDialog;
class QLabel;
class QMenu;
class QPlainTextEdit;

namespace desk {

class ChangePasswordDialog;
class EditorialSession;
class EditorialWindow;
class LoginDialog;
class ReportView;
class MainWindow;
class SearchService;

// Plugs the editorial side into the agent's desk without the desk knowing about it: an "Editorial" menu (flag the
// open service, open the catalogue editing window for team leads, sign out / switch user), a marker in the status
// bar for services due for review or with a validity change coming, and the search log for the knowledge gaps.
class EditorialActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorialActions)

public:
    EditorialActions(MainWindow *window, SearchService *service, EditorialSession *session);
    ~EditorialActions() override;

    QAction *flagAction() const;
    QAction *editorialAction() const;
    QAction *switchUserAction() const;
    QAction *figuresAction() const;
    QAction *changePasswordAction() const;
    QLabel *reviewMarker() const;
    EditorialWindow *editorialWindow() const; // nullptr until opened

    EditorialWindow *openEditorialWindow();
    ReportView *openReport(const QString &journalPath = QString()); // team leads; default: the app data folder
    QDialog *openFlagDialog();                 // for the open service; nullptr when none is open
    bool flagCurrentArticle(const QString &comment);
    LoginDialog *switchUser();                 // signs out and asks for the next user (shared mode: at the server)
    ChangePasswordDialog *openChangePassword(); // the signed-in user's own password

Q_SIGNALS:
    void flagged(const QString &articleId);

private:
    void updateForUser();
    void updateMarker();
    void retranslateUi();
    bool eventFilter(QObject *watched, QEvent *event) override;

    MainWindow *m_window;
    SearchService *m_service;
    EditorialSession *m_session;
    QMenu *m_menu;
    QAction *m_flag;
    QAction *m_editorial;
    QAction *m_switchUser;
    QAction *m_figures;
    QAction *m_changePassword;
    QLabel *m_marker;
    QLabel *m_userLabel;
    QPointer<EditorialWindow> m_editorialWindow;
    QPointer<ReportView> m_report;
};

} // namespace desk
