#include "mainwindow.h"

#include "articlehtml.h"
#include "articleview.h"
#include "callerpanel.h"
#include "deskcatalogue.h"
#include "desksettings.h"
#include "language.h"
#include "screenfit.h"
#include "searchpanel.h"
#include "searchservice.h"
#include "settingsdialog.h"
#include "shortcutsoverlay.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace desk {

namespace {

// A column that scrolls vertically only: as wide as its panel needs (the splitter keeps that minimum), the panel as
// tall as the column or, on a small screen, as tall as its minimum with a scroll bar. The panel is sized here rather
// than by widgetResizable: that would use the layout's preferred height for word-wrapped labels and blow the lists
// up. The widget with the keyboard focus is scrolled into view (Alt+1…3, the wrap-up notes).
class CallerColumn final : public QScrollArea
{
public:
    explicit CallerColumn(QWidget *parent) : QScrollArea(parent)
    {
        connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
            if (now && widget() && widget()->isAncestorOf(now)) {
                ensureWidgetVisible(now);
            }
        });
    }

    QSize minimumSizeHint() const override
    {
        const int inner = widget() ? widget()->minimumSizeHint().width() : 0;
        return {inner + verticalScrollBar()->sizeHint().width() + 2 * frameWidth(),
                QScrollArea::minimumSizeHint().height()};
    }

    QSize sizeHint() const override
    {
        return minimumSizeHint().expandedTo(QScrollArea::sizeHint());
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QScrollArea::resizeEvent(event);
        fitPanel();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest) {
            updateGeometry();
            QTimer::singleShot(0, this, [this]() { fitPanel(); }); // after the panel's layout has its new minimum
        }
        return QScrollArea::eventFilter(watched, event);
    }

private:
    void fitPanel()
    {
        if (!widget()) {
            return;
        }
        const QSize room = maximumViewportSize();
        const int minimum = widget()->minimumSizeHint().height();
        const bool scrolls = minimum > room.height();
        widget()->resize(room.width() - (scrolls ? verticalScrollBar()->sizeHint().width() : 0),
                         scrolls ? minimum : room.height());
    }
};

} // namespace

namespace {
// After the window shows, WebEngine starts once the agent paused typing this long (it costs a few hundred ms on
// the UI thread, so it must not land in the middle of a search).
constexpr int PrewarmDelayMs = 1500;
} // namespace

MainWindow::MainWindow(SearchService *service, DeskSettings *settings, LanguageManager *language, QWidget *parent)
    : QMainWindow(parent), m_service(service), m_settings(settings), m_language(language),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_callerPanel(new CallerPanel(m_splitter)),
      m_searchPanel(new SearchPanel(service, m_splitter)), m_articleView(new ArticleView(m_splitter)),
      m_overlay(nullptr), m_prewarmTimer(new QTimer(this)), m_catalogueLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_splitter->setObjectName(QStringLiteral("DeskSplitter"));
    m_splitter->setChildrenCollapsible(true);
    // Caller panel, call controls and wrap-up stack up taller than a 1280×800 screen: the column scrolls instead of
    // forcing the window taller than the screen. The panel's own widgets keep the keyboard focus (the area takes none).
    auto *callerColumn = new CallerColumn(m_splitter);
    callerColumn->setObjectName(QStringLiteral("CallerColumn"));
    callerColumn->setFrameShape(QFrame::NoFrame);
    callerColumn->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    callerColumn->setFocusPolicy(Qt::NoFocus);
    callerColumn->setWidget(m_callerPanel);
    m_splitter->addWidget(callerColumn);
    m_splitter->addWidget(m_searchPanel);
    m_splitter->addWidget(m_articleView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setSizes({230, 400, 750});
    setCentralWidget(m_splitter);
    m_overlay = new ShortcutsOverlay(this);
    statusBar()->addPermanentWidget(m_catalogueLabel);

    createActions();
    createMenus();
    m_overlay->setActions(deskActions());
    QList<QKeySequence> reserved;
    for (QAction *action : deskActions()) {
        reserved += action->shortcuts();
    }
    m_searchPanel->setReservedShortcuts(reserved);

    connect(m_service, &SearchService::catalogueOpened, this, &MainWindow::handleCatalogueOpened);
    connect(m_service, &SearchService::catalogueFailed, this, &MainWindow::handleCatalogueFailed);
    connect(m_service, &SearchService::articleLoaded, this, &MainWindow::handleArticleLoaded);
    connect(m_service, &SearchService::articleFailed, this, &MainWindow::handleArticleFailed);
    connect(m_searchPanel, &SearchPanel::articleRequested, this, &MainWindow::openArticle);
    connect(m_articleView, &ArticleView::linkActivated, this, &MainWindow::handleLinkActivated);
    connect(m_articleView, &ArticleView::articleRendered, this, [this](const QString &id) {
        if (m_wasActive && !isActiveWindow()) {
            activateWindow();
        }
        if (m_focusBeforeArticle && !m_focusBeforeArticle->hasFocus()) {
            m_focusBeforeArticle->setFocus(Qt::OtherFocusReason);
        }
        m_wasActive = false;
        Q_EMIT articleShown(id);
    });

    m_prewarmTimer->setSingleShot(true);
    m_prewarmTimer->setInterval(PrewarmDelayMs);
    connect(m_prewarmTimer, &QTimer::timeout, m_articleView, [this]() {
        if (!m_articleView->articleWebView()) {
            m_focusBeforeArticle = QApplication::focusWidget();
            if (isActiveWindow()) {
                m_sinceWebEngineStart.start();
            }
            m_articleView->prewarm();
        }
    });
    connect(m_searchPanel->searchEdit(), &QLineEdit::textEdited, this, [this]() {
        if (m_prewarmTimer->isActive()) {
            m_prewarmTimer->start(); // postpone while the agent types
        }
    });

    resizeWithinScreen(this, QSize(1380, 820));
    restoreGeometry(m_settings->value(DeskSettings::WindowGeometry).toByteArray());
    restoreState(m_settings->value(DeskSettings::WindowState).toByteArray());
    m_splitter->restoreState(m_settings->value(DeskSettings::SplitterState).toByteArray());
    retranslateUi();
    m_searchPanel->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto make = [this](std::initializer_list<QKeySequence> keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcuts(QList<QKeySequence>(keys));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_focusSearch =
        make({QKeySequence(QStringLiteral("Ctrl+K")), QKeySequence(Qt::Key_F3), QKeySequence(QStringLiteral("Ctrl+F"))},
             [this]() { m_searchPanel->focusSearch(); });
    m_showResults =
        make({QKeySequence(QStringLiteral("Ctrl+1"))}, [this]() { m_searchPanel->showPage(SearchPanel::ResultsPage); });
    m_showAz = make({QKeySequence(QStringLiteral("Ctrl+2")), QKeySequence(QStringLiteral("Ctrl+J"))},
                    [this]() { m_searchPanel->showPage(SearchPanel::AzPage); });
    m_showCategories = make({QKeySequence(QStringLiteral("Ctrl+3"))},
                            [this]() { m_searchPanel->showPage(SearchPanel::CategoriesPage); });
    m_showRecent = make({QKeySequence(QStringLiteral("Ctrl+4")), QKeySequence(QStringLiteral("Ctrl+H"))},
                        [this]() { m_searchPanel->showPage(SearchPanel::RecentPage); });
    m_showFavourites = make({QKeySequence(QStringLiteral("Ctrl+5")), QKeySequence(QStringLiteral("Ctrl+B"))},
                            [this]() { m_searchPanel->showPage(SearchPanel::FavouritesPage); });
    m_focusArticle = make({QKeySequence(QStringLiteral("Ctrl+E")), QKeySequence(Qt::Key_F6)},
                          [this]() { m_articleView->focusArticle(); });
    m_copyEssentials = make({QKeySequence(QStringLiteral("Ctrl+Shift+C"))}, &MainWindow::copyEssentials);
    m_toggleFavourite = make({QKeySequence(QStringLiteral("Ctrl+D"))}, &MainWindow::toggleFavourite);
    m_openPortal = make({QKeySequence(QStringLiteral("Ctrl+Shift+O"))}, [this]() {
        if (m_articleView->hasArticle() && !m_articleView->article().url.isEmpty()) {
            handleLinkActivated(QUrl(m_articleView->article().url));
        }
    });
    m_closeTab = make({QKeySequence(QStringLiteral("Ctrl+W"))}, [this]() { m_articleView->closeBrowserTab(); });
    m_callRecord = make({QKeySequence(QStringLiteral("Ctrl+N"))}, [this]() { m_callerPanel->toggleCall(); });
    m_settingsAction = make({QKeySequence(QStringLiteral("Ctrl+,"))}, &MainWindow::showSettings);
    m_help = make({QKeySequence(Qt::Key_F1)}, [this]() { m_overlay->toggle(); });
    m_about = make({QKeySequence(QStringLiteral("Shift+F1"))}, [this]() {
        QMessageBox::about(this, tr("About Hotline Desk"),
                           tr("<b>Hotline Desk</b> %1<p>The workstation for the agents of citizen hotlines.</p>"
                              "<p>Catalogue texts: Landeshauptstadt München (MIT).</p>")
                               .arg(QStringLiteral(HOTLINE_VERSION)));
    });
    m_quit = make({QKeySequence(QStringLiteral("Ctrl+Q"))}, [this]() { close(); });
    m_quit->setMenuRole(QAction::QuitRole);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_copyEssentials->setEnabled(false);
    m_toggleFavourite->setEnabled(false);
    m_openPortal->setEnabled(false);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addActions(
        {m_focusSearch, m_showResults, m_showAz, m_showCategories, m_showRecent, m_showFavourites, m_focusArticle});
    m_articleMenu = menuBar()->addMenu(QString());
    m_articleMenu->addActions({m_copyEssentials, m_toggleFavourite, m_openPortal, m_closeTab});
    m_callMenu = menuBar()->addMenu(QString());
    m_callMenu->addAction(m_callRecord);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addActions({m_help, m_about});

    // The most used actions once more for the mouse; their buttons stay out of the Tab chain (keyboard users have
    // the shortcuts).
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("DeskToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addActions({m_callRecord, m_copyEssentials, m_toggleFavourite, m_openPortal});
    m_toolBar->addSeparator();
    m_toolBar->addActions({m_settingsAction, m_help});
}

QList<QAction *> MainWindow::deskActions() const
{
    return QList<QAction *>{m_focusSearch,     m_showResults,    m_showAz,       m_showCategories,
                            m_showRecent,      m_showFavourites, m_focusArticle, m_copyEssentials,
                            m_toggleFavourite, m_openPortal,     m_closeTab,     m_callRecord,
                            m_settingsAction,  m_help,           m_about,        m_quit} +
           m_callActions;
}

void MainWindow::addCallActions(const QList<QAction *> &actions)
{
    m_callActions += actions;
    addActions(actions);
    m_callMenu->addSeparator();
    m_callMenu->addActions(actions);
    m_overlay->setActions(deskActions());
    QList<QKeySequence> reserved;
    for (QAction *action : deskActions()) {
        reserved += action->shortcuts();
    }
    m_searchPanel->setReservedShortcuts(reserved);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Hotline Desk"));
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_articleMenu->setTitle(tr("&Service"));
    m_callMenu->setTitle(tr("&Call"));
    m_helpMenu->setTitle(tr("&Help"));
    m_focusSearch->setText(tr("&Search"));
    m_focusSearch->setStatusTip(tr("Put the cursor into the search box"));
    m_showResults->setText(tr("Search r&esults"));
    m_showAz->setText(tr("&A–Z index"));
    m_showCategories->setText(tr("&Categories"));
    m_showRecent->setText(tr("&Recently viewed"));
    m_showFavourites->setText(tr("&Favourites"));
    m_focusArticle->setText(tr("Go to the ar&ticle"));
    m_copyEssentials->setText(tr("&Copy essentials for an e-mail"));
    m_copyEssentials->setStatusTip(tr("Copies title, documents, fees, office and links as plain text"));
    m_toggleFavourite->setText(tr("Add to or remove from &favourites"));
    m_openPortal->setText(tr("Open in the city &portal"));
    m_closeTab->setText(tr("Close the browser &tab"));
    m_callRecord->setText(tr("Start or end a call &record"));
    m_callRecord->setIconText(tr("Call record"));
    m_copyEssentials->setIconText(tr("Copy for e-mail"));
    m_toggleFavourite->setIconText(tr("Favourite"));
    m_openPortal->setIconText(tr("City portal"));
    m_settingsAction->setIconText(tr("Settings"));
    m_help->setIconText(tr("Shortcuts"));
    m_toolBar->setWindowTitle(tr("Toolbar"));
    for (QAction *action : deskActions()) {
        // Tooltips name the shortcut, so the mouse teaches the keyboard.
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
    }
    m_settingsAction->setText(tr("S&ettings…"));
    m_help->setText(tr("&Keyboard shortcuts"));
    m_about->setText(tr("&About Hotline Desk"));
    m_quit->setText(tr("&Quit"));
    m_splitter->setAccessibleName(tr("Desk"));
    m_callerPanel->setAccessibleName(tr("Caller"));
    m_searchPanel->setAccessibleName(tr("Search"));
    m_articleView->setAccessibleName(tr("Service"));
    m_catalogueLabel->setAccessibleName(tr("Catalogue status"));
    if (m_ready) {
        const QString text = tr("%n service(s) in the catalogue", nullptr, m_articleCount);
        m_catalogueLabel->setText(text);
        m_searchPanel->setCatalogueStatus(text);
    } else if (!m_catalogueError.isEmpty()) {
        m_catalogueLabel->setText(tr("Catalogue unavailable"));
        m_searchPanel->setCatalogueStatus(tr("Catalogue unavailable: %1").arg(m_catalogueError));
    } else {
        m_catalogueLabel->setText(tr("Loading the catalogue…"));
        m_searchPanel->setCatalogueStatus(tr("Loading the catalogue…"));
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::ActivationChange && !isActiveWindow() && !QApplication::activeWindow() &&
               m_sinceWebEngineStart.isValid() && m_sinceWebEngineStart.elapsed() < 3000) {
        // WebEngine just created its first native surface and took the activation with it: give it back.
        QTimer::singleShot(0, this, [this]() {
            activateWindow();
            if (m_focusBeforeArticle) {
                m_focusBeforeArticle->setFocus(Qt::OtherFocusReason);
            }
        });
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_articleView->articleWebView()) {
        m_prewarmTimer->start();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_callerPanel->isInCall()) {
        m_callerPanel->endCall();
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout()
{
    m_settings->setValue(DeskSettings::WindowGeometry, saveGeometry());
    m_settings->setValue(DeskSettings::WindowState, saveState());
    m_settings->setValue(DeskSettings::SplitterState, m_splitter->saveState());
    m_settings->sync();
}

void MainWindow::handleCatalogueOpened(const QList<kb::ResultItem> &index, const QString &)
{
    m_ready = true;
    m_catalogueError.clear();
    m_articleCount = int(index.size());
    m_searchPanel->setCatalogue(index);
    m_searchPanel->setRecent(m_settings->recentArticles());
    m_searchPanel->setFavourites(m_settings->favouriteArticles());
    retranslateUi();
    // Answer whatever the agent typed before the index was ready (or again, after the catalogue changed).
    const QString pending = m_searchPanel->searchEdit()->text();
    if (!pending.trimmed().isEmpty()) {
        m_service->search(pending);
    }
    Q_EMIT catalogueReady(m_articleCount);
}

void MainWindow::handleCatalogueFailed(const QString &error)
{
    m_ready = false;
    m_catalogueError = error;
    retranslateUi();
    m_articleView->showMessage(tr("The catalogue is unavailable: %1\n\nCheck the database path in the settings "
                                  "(Ctrl+,). Telephony keeps working.")
                                   .arg(error));
}

bool MainWindow::isCatalogueReady() const
{
    return m_ready;
}

void MainWindow::openArticle(const QString &id)
{
    if (id.isEmpty()) {
        return;
    }
    m_articleRequest = m_service->loadArticle(id);
}

void MainWindow::handleArticleLoaded(quint64 requestId, const kb::Article &article, const QList<kb::Office> &offices)
{
    if (requestId != m_articleRequest) {
        return; // the agent asked for another service meanwhile
    }
    m_prewarmTimer->stop();
    // Showing an article must not take the keyboard from the agent: WebEngine's first native surface can steal
    // activation (seen without a window manager), so the focus goes back where it was once the page is up.
    m_focusBeforeArticle = QApplication::focusWidget();
    m_wasActive = isActiveWindow();
    if (!m_articleView->articleWebView() && m_wasActive) {
        m_sinceWebEngineStart.start(); // see changeEvent(): the first surface may take activation a bit later
    }
    m_articleView->showArticle(article, offices, m_settings->isFavourite(article.id));
    m_settings->addRecentArticle(article.id);
    m_searchPanel->setRecent(m_settings->recentArticles());
    m_callerPanel->noteArticleViewed(article.id, article.title);
    m_copyEssentials->setEnabled(true);
    m_toggleFavourite->setEnabled(true);
    m_openPortal->setEnabled(!article.url.isEmpty());
}

void MainWindow::handleArticleFailed(quint64 requestId, const QString &, const QString &error)
{
    if (requestId == m_articleRequest) {
        statusBar()->showMessage(error, 8000);
    }
}

void MainWindow::copyEssentials()
{
    if (!m_articleView->hasArticle()) {
        return;
    }
    QApplication::clipboard()->setText(articleEssentialsText(m_articleView->article(), m_articleView->offices()));
    statusBar()->showMessage(tr("Essentials of “%1” copied").arg(m_articleView->article().title), 4000);
}

void MainWindow::toggleFavourite()
{
    if (!m_articleView->hasArticle()) {
        return;
    }
    const QString id = m_articleView->article().id;
    const bool favourite = !m_settings->isFavourite(id);
    m_settings->setFavourite(id, favourite);
    m_searchPanel->setFavourites(m_settings->favouriteArticles());
    m_articleView->setFavourite(favourite);
    statusBar()->showMessage(favourite ? tr("Added to favourites") : tr("Removed from favourites"), 3000);
}

void MainWindow::handleLinkActivated(const QUrl &url)
{
    const bool web = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (web && m_settings->linkHandling() == LinkHandling::InAppTab) {
        m_articleView->openBrowserTab(url);
    } else if (!QDesktopServices::openUrl(url)) {
        statusBar()->showMessage(tr("No application could open %1").arg(url.toDisplayString()), 6000);
    }
}

void MainWindow::applyLanguage(const QString &language)
{
    if (m_language && language != m_language->language()) {
        m_language->apply(language);
    }
}

void MainWindow::showSettings()
{
    if (auto *open = findChild<SettingsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    // Window-modal and not exec(): no nested event loop, search answers keep arriving while it is open.
    const QString oldPath = m_settings->value(DeskSettings::DatabasePath).toString();
    auto *dialog = new SettingsDialog(m_settings, defaultCatalogueDatabasePath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::serverSettingsApplied, this, &MainWindow::serverSettingsChanged);
    connect(dialog, &QDialog::accepted, this, [this, dialog, oldPath]() {
        applyLanguage(dialog->language());
        const QString newPath = dialog->databasePath();
        if (newPath != oldPath) {
            m_ready = false;
            m_catalogueError.clear();
            retranslateUi();
            m_service->restart([newPath](QString *error) { return openDeskCatalogue(newPath, error); });
        }
        Q_EMIT settingsSaved();
    });
    dialog->open();
}

SearchPanel *MainWindow::searchPanel() const
{
    return m_searchPanel;
}

ArticleView *MainWindow::articleView() const
{
    return m_articleView;
}

CallerPanel *MainWindow::callerPanel() const
{
    return m_callerPanel;
}

ShortcutsOverlay *MainWindow::shortcutsOverlay() const
{
    return m_overlay;
}

QSplitter *MainWindow::splitter() const
{
    return m_splitter;
}

} // namespace desk
