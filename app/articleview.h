#pragma once

#include "article.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QWebEngineProfile;
class QWebEngineView;

namespace desk {

class ArticlePage;

// Right-hand part of the desk: the article in a QWebEngineView, plus in-app browser tabs for links when the
// agent chose that. WebEngine is expensive to start, so nothing of it exists until the first article is
// shown or prewarm() is called once the window is up.
class ArticleView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleView)

public:
    explicit ArticleView(QWidget *parent = nullptr);
    ~ArticleView() override;

    void showArticle(const kb::Article &article, const QList<kb::Office> &offices, bool favourite);
    void setFavourite(bool favourite);
    void showMessage(const QString &message);
    bool hasArticle() const;
    const kb::Article &article() const;
    const QList<kb::Office> &offices() const;

    void prewarm();
    void openBrowserTab(const QUrl &url);
    // Closes the current browser tab (never the article tab); false if there was none.
    bool closeBrowserTab();
    void focusArticle();

    // nullptr until WebEngine was created.
    QWebEngineView *articleWebView() const;
    ArticlePage *articlePage() const;

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    void articleRendered(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void ensureWebEngine();
    void render();
    void retranslateUi();

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QTabWidget *m_tabs = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    QWebEngineView *m_view = nullptr;
    ArticlePage *m_page = nullptr;
    kb::Article m_article;
    QList<kb::Office> m_offices;
    bool m_hasArticle = false;
    bool m_favourite = false;
    bool m_customMessage = false;
};

} // namespace desk
