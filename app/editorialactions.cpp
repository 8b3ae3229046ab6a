#include "editorialactions.h"

#include "articleview.h"
#include "changepassworddialog.h"
#include "editorialsession.h"
#include "editorialwindow.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "reportview.h"
#include "screenfit.h"
#include "searchpanel.h"
#include "searchservice.h"
#include "shortcutsoverlay.h"
#include "store.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace desk {

EditorialActions::EditorialActions(MainWindow *window, SearchService *service, EditorialSession *session)
    : QObject(window), m_window(window), m_service(service), m_session(session),
      m_menu(window->menuBar()->addMenu(QString())), m_flag(new QAction(window)), m_editorial(new QAction(window)),
      m_switchUser(new QAction(window)), m_figures(new QAction(window)), m_changePassword(new QAction(window)),
      m_marker(new QLabel(window)), m_userLabel(new QLabel(window))
{
    m_flag->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    m_editorial->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    m_switchUser->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+U")));
    m_figures->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+G")));
    for (QAction *action : {m_flag, m_editorial, m_figures, m_changePassword, m_switchUser}) {
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
        m_menu->addAction(action);
    }
    window->statusBar()->addPermanentWidget(m_marker);
    window->statusBar()->addPermanentWidget(m_userLabel);
    m_marker->hide();

    QList<QAction *> actions = window->deskActions();
    actions << m_flag << m_editorial << m_figures << m_switchUser;
    window->shortcutsOverlay()->setActions(actions);
    QList<QKeySequence> reserved;
    for (QAction *action : std::as_const(actions)) {
        reserved += action->shortcuts();
    }
    window->searchPanel()->setReservedShortcuts(reserved);

    connect(m_flag, &QAction::triggered, this, [this]() { openFlagDialog(); });
    connect(m_editorial, &QAction::triggered, this, [this]() { openEditorialWindow(); });
    connect(m_switchUser, &QAction::triggered, this, [this]() { switchUser(); });
    connect(m_changePassword, &QAction::triggered, this, [this]() { openChangePassword(); });
    connect(m_figures, &QAction::triggered, this, [this]() { openReport(); });
    connect(m_session, &EditorialSession::userChanged, this, &EditorialActions::updateForUser);
    connect(m_window, &MainWindow::articleShown, this, &EditorialActions::updateMarker);
    // The search log: the answer to the newest request is what the agent saw for the query.
    connect(m_service, &SearchService::searchFinished, this,
            [this](quint64 requestId, const QString &query, const QList<kb::ResultItem> &items, qint64,
                   const QStringList &unmatched) {
                if (requestId == m_service->newestSearchId()) {
                    m_session->noteSearch(query, int(items.size()), unmatched);
                }
            });
    connect(m_session, &EditorialSession::catalogueChanged, m_service, &SearchService::noteCatalogueChanged);
    connect(m_window->searchPanel(), &SearchPanel::articleRequested, m_session, &EditorialSession::noteOpened);
    window->installEventFilter(this);
    retranslateUi();
    updateForUser();
}

EditorialActions::~EditorialActions() = default;

bool EditorialActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    return QObject::eventFilter(watched, event);
}

void EditorialActions::retranslateUi()
{
    m_menu->setTitle(tr("E&ditorial"));
    m_flag->setText(tr("&Flag this service as wrong or outdated…"));
    m_flag->setIconText(tr("Flag"));
    m_editorial->setText(tr("&Edit the catalogue…"));
    m_switchUser->setText(tr("&Sign out / switch user…"));
    m_figures->setText(tr("F&igures for team leads…"));
    m_changePassword->setText(tr("Change my &password…"));
    m_changePassword->setToolTip(tr("Change my password"));
    for (QAction *action : {m_flag, m_editorial, m_figures, m_switchUser}) {
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
    }
    m_marker->setAccessibleName(tr("Review marker"));
    m_marker->setAccessibleDescription(tr("Warns when the open service is due for review or its validity changes"));
    m_userLabel->setAccessibleName(tr("Signed-in user"));
    m_userLabel->setAccessibleDescription(tr("Who is signed in, and their role"));
    updateForUser();
    updateMarker();
}

void EditorialActions::updateForUser()
{
    const bool lead = m_session->isLead();
    m_editorial->setVisible(lead);
    m_editorial->setEnabled(lead);
    m_figures->setVisible(lead);
    m_figures->setEnabled(lead);
    m_flag->setEnabled(m_session->isSignedIn());
    m_changePassword->setEnabled(m_session->isSignedIn());
    if (m_session->isSignedIn()) {
        const kb::User &user = m_session->user();
        m_userLabel->setText(tr("%1 (%2)").arg(user.displayName.isEmpty() ? user.name : user.displayName,
                                               lead ? tr("team lead") : tr("agent")));
    } else {
        m_userLabel->setText(tr("Nobody signed in"));
    }
    if (!lead && m_editorialWindow) {
        m_editorialWindow->close();
    }
    if (!lead && m_report) {
        m_report->close();
    }
}

void EditorialActions::updateMarker()
{
    ArticleView *view = m_window->articleView();
    if (!view->hasArticle()) {
        m_marker->hide();
        return;
    }
    kb::ArticleStatus status = kb::articleStatus(view->article(), QDate::currentDate());
    QStringList notes;
    if (status.expired) {
        notes << tr("Validity ended – check before you answer");
    } else if (status.notYetValid) {
        notes << tr("Valid only from %1").arg(QLocale().toString(view->article().validFrom, QLocale::ShortFormat));
    } else if (status.validityChange) {
        notes << tr("Changes on %1").arg(QLocale().toString(view->article().validTo.addDays(1), QLocale::ShortFormat));
    }
    if (status.needsReview) {
        notes << tr("Due for review");
    }
    m_marker->setVisible(!notes.isEmpty());
    m_marker->setText(notes.isEmpty() ? QString() : QStringLiteral("⚠ %1").arg(notes.join(QStringLiteral(" · "))));
}

EditorialWindow *EditorialActions::openEditorialWindow()
{
    if (!m_session->isLead()) {
        m_window->statusBar()->showMessage(tr("Only team leads edit the catalogue."), 5000);
        return nullptr;
    }
    if (!m_editorialWindow) {
        m_editorialWindow = new EditorialWindow(m_session, m_window);
        m_editorialWindow->setWindowFlag(Qt::Window);
        m_editorialWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (m_window->articleView()->hasArticle()) {
        m_editorialWindow->editArticle(m_window->articleView()->article().id);
    }
    m_editorialWindow->show();
    m_editorialWindow->raise();
    m_editorialWindow->activateWindow();
    return m_editorialWindow;
}

ReportView *EditorialActions::openReport(const QString &journalPath)
{
    if (!m_session->isLead()) {
        m_window->statusBar()->showMessage(tr("Only team leads see the figures."), 5000);
        return nullptr;
    }
    if (!m_report) {
        m_report = new ReportView(journalPath.isEmpty() ? ReportView::defaultJournalPath() : journalPath, m_window);
        m_report->setWindowFlag(Qt::Window);
        m_report->setAttribute(Qt::WA_DeleteOnClose);
        resizeWithinScreen(m_report, QSize(1000, 860));
        EditorialSession *session = m_session;
        m_report->setServiceTitles([session](const QString &id) {
            const auto article = session->store()->article(id);
            return article ? article->title : QString();
        });
        m_report->setOfficeNames([session](const QString &id) {
            const auto office = session->store()->office(id);
            return office ? office->name : QString();
        });
    }
    m_report->refresh();
    m_report->show();
    m_report->raise();
    return m_report;
}

QDialog *EditorialActions::openFlagDialog()
{
    ArticleView *view = m_window->articleView();
    if (!view->hasArticle()) {
        m_window->statusBar()->showMessage(tr("Open a service first, then flag it."), 5000);
        return nullptr;
    }
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("FlagDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Flag “%1”").arg(view->article().title));
    auto *label = new QLabel(tr("What is wrong or outdated? Team leads see your note in their list."), dialog);
    label->setWordWrap(true);
    label->setAccessibleName(tr("Explanation"));
    auto *comment = new QPlainTextEdit(dialog);
    comment->setObjectName(QStringLiteral("FlagComment"));
    comment->setTabChangesFocus(true);
    comment->setAccessibleName(tr("Comment"));
    comment->setAccessibleDescription(tr("What is wrong or outdated in this service"));
    label->setBuddy(comment);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Flag"));
    for (QAbstractButton *b : buttons->buttons()) {
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));
        b->setAccessibleDescription(tr("Send the flag or cancel"));
    }
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    layout->addWidget(comment);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, comment, label]() {
        if (comment->toPlainText().trimmed().isEmpty()) {
            label->setText(tr("Please say what is wrong – the comment is required."));
            return;
        }
        if (flagCurrentArticle(comment->toPlainText().trimmed())) {
            dialog->accept();
        }
    });
    dialog->open();
    comment->setFocus();
    return dialog;
}

bool EditorialActions::flagCurrentArticle(const QString &comment)
{
    ArticleView *view = m_window->articleView();
    if (!view->hasArticle()) {
        return false;
    }
    QString error;
    const QString id = view->article().id;
    bool queued = false;
    if (!m_session->flagArticle(id, comment, &error, &queued)) {
        m_window->statusBar()->showMessage(tr("Not flagged: %1").arg(error), 8000);
        return false;
    }
    m_window->statusBar()->showMessage(
        queued ? tr("Flag queued: the team leads will see “%1” flagged when the server is reachable.")
                     .arg(view->article().title)
               : tr("Flagged: the team leads will check “%1”.").arg(view->article().title),
        queued ? 10000 : 5000);
    Q_EMIT flagged(id);
    return true;
}

ChangePasswordDialog *EditorialActions::openChangePassword()
{
    if (!m_session->isSignedIn()) {
        return nullptr;
    }
    auto *dialog = new ChangePasswordDialog(m_session, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this]() { m_window->statusBar()->showMessage(tr("Your password has been changed."), 8000); });
    dialog->open();
    return dialog;
}

QAction *EditorialActions::changePasswordAction() const
{
    return m_changePassword;
}

LoginDialog *EditorialActions::switchUser()
{
    m_session->signOut();
    if (m_session->isShared()) {
        // The next user signs in at the server with their own login; their connection replaces the store. The
        // editorial window worked on the previous user's connection: it closes first.
        if (m_editorialWindow) {
            m_editorialWindow->close();
            delete m_editorialWindow;
        }
        auto *dialog = new LoginDialog(m_session->sharedServer(), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog]() {
            if (dialog->isOffline()) {
                m_session->replaceStore(nullptr);
                return;
            }
            m_session->replaceStore(dialog->takeStore());
            m_session->signIn(dialog->user());
        });
        connect(dialog, &QDialog::rejected, m_window, &QWidget::close);
        dialog->open();
        return dialog;
    }
    auto *dialog = new LoginDialog(m_session->store(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { m_session->signIn(dialog->user()); });
    connect(dialog, &QDialog::rejected, m_window, &QWidget::close); // nobody signed in: the desk closes
    dialog->open();
    return dialog;
}

QAction *EditorialActions::flagAction() const
{
    return m_flag;
}

QAction *EditorialActions::editorialAction() const
{
    return m_editorial;
}

QAction *EditorialActions::switchUserAction() const
{
    return m_switchUser;
}

QAction *EditorialActions::figuresAction() const
{
    return m_figures;
}

QLabel *EditorialActions::reviewMarker() const
{
    return m_marker;
}

EditorialWindow *EditorialActions::editorialWindow() const
{
    return m_editorialWindow;
}

} // namespace desk
