#pragma once

#include "article.h"
#include "searchresultmodel.h"
#include "sharedstoreconfig.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QSplitter;
class QTimer;
class QToolBar;

namespace desk {

class ArticleView;
class CallerPanel;
class DeskSettings;
class LanguageManager;
class SearchPanel;
class SearchService;
class ShortcutsOverlay;

// The agent's desk: caller panel | search and lists | article, side by side in a splitter whose layout is
// remembered per agent. Wiring only: the parts are widgets of their own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(SearchService *service, DeskSettings *settings, LanguageManager *language, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openArticle(const QString &id);
    void copyEssentials();
    void toggleFavourite();
    void showSettings();
    void applyLanguage(const QString &language);
    void saveLayout();

    SearchPanel *searchPanel() const;
    ArticleView *articleView() const;
    CallerPanel *callerPanel() const;
    ShortcutsOverlay *shortcutsOverlay() const;
    QSplitter *splitter() const;
    QList<QAction *> deskActions() const;
    // Telephony and wrap-up actions (CallDesk): added to the window, the Call menu and the F1 overlay.
    void addCallActions(const QList<QAction *> &actions);
    bool isCatalogueReady() const;

Q_SIGNALS:
    void catalogueReady(int articleCount);
    void articleShown(const QString &id);
    // Settings → Server saved with OK (passwordKnown: the page had the password; see SettingsDialog).
    void serverSettingsChanged(const desk::SharedStoreConfig &config, bool passwordKnown);
    // The settings dialog was closed with OK (its pages have saved their settings).
    void settingsSaved();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void handleCatalogueOpened(const QList<kb::ResultItem> &index, const QString &backend);
    void handleCatalogueFailed(const QString &error);
    void handleArticleLoaded(quint64 requestId, const kb::Article &article, const QList<kb::Office> &offices);
    void handleArticleFailed(quint64 requestId, const QString &id, const QString &error);
    void handleLinkActivated(const QUrl &url);

    SearchService *m_service;
    DeskSettings *m_settings;
    LanguageManager *m_language;
    QSplitter *m_splitter;
    CallerPanel *m_callerPanel;
    SearchPanel *m_searchPanel;
    ArticleView *m_articleView;
    ShortcutsOverlay *m_overlay;
    QTimer *m_prewarmTimer;
    QLabel *m_catalogueLabel;

    QAction *m_focusSearch = nullptr;
    QAction *m_showResults = nullptr;
    QAction *m_showAz = nullptr;
    QAction *m_showCategories = nullptr;
    QAction *m_showRecent = nullptr;
    QAction *m_showFavourites = nullptr;
    QAction *m_focusArticle = nullptr;
    QAction *m_copyEssentials = nullptr;
    QAction *m_toggleFavourite = nullptr;
    QAction *m_openPortal = nullptr;
    QAction *m_closeTab = nullptr;
    QAction *m_callRecord = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_help = nullptr;
    QAction *m_about = nullptr;
    QAction *m_quit = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_articleMenu = nullptr;
    QMenu *m_callMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;

    QList<QAction *> m_callActions;
    QPointer<QWidget> m_focusBeforeArticle;
    bool m_wasActive = false;
    QElapsedTimer m_sinceWebEngineStart;
    quint64 m_articleRequest = 0;
    int m_articleCount = 0;
    bool m_ready = false;
    QString m_catalogueError;
};

} // namespace desk
