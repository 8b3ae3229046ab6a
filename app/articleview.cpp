#include "articleview.h"

#include "articlehtml.h"
#include "articlepage.h"
#include "formfield.h"

#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineView>

namespace desk {

ArticleView::ArticleView(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_placeholder(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    styleAsHint(m_placeholder);
    m_stack->addWidget(m_placeholder);
    retranslateUi();
}

ArticleView::~ArticleView() = default;

void ArticleView::ensureWebEngine()
{
    if (m_view) {
        return;
    }
    // Articles get their own off-the-record profile: no cookies, cache or history on disk.
    m_profile = new QWebEngineProfile(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->tabBar()->setAccessibleName(tr("Article and browser tabs"));
    m_tabs->tabBar()->setAccessibleDescription(tr("The article tab and web pages opened from its links"));
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0) { // the article tab stays
            QWidget *w = m_tabs->widget(index);
            m_tabs->removeTab(index);
            w->deleteLater();
        }
    });
    m_view = new QWebEngineView(m_tabs);
    m_page = new ArticlePage(m_profile, m_view);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAccessibleName(tr("Article"));
    m_view->setAccessibleDescription(tr("The selected service: documents to bring, fees, offices and links"));
    connect(m_page, &ArticlePage::linkActivated, this, &ArticleView::linkActivated);
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (ok && m_hasArticle) {
            Q_EMIT articleRendered(m_article.id);
        }
    });
    m_tabs->addTab(m_view, tr("Article"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    m_stack->addWidget(m_tabs);
    retranslateUi();
}

void ArticleView::prewarm()
{
    ensureWebEngine();
    if (!m_hasArticle) {
        m_page->setHtml(QString(), ArticlePage::baseUrl());
    }
}

void ArticleView::showArticle(const kb::Article &article, const QList<kb::Office> &offices, bool favourite)
{
    ensureWebEngine();
    m_article = article;
    m_offices = offices;
    m_favourite = favourite;
    m_hasArticle = true;
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentIndex(0);
    m_tabs->setTabText(0, article.title);
    m_tabs->setTabToolTip(0, article.title);
    render();
}

void ArticleView::setFavourite(bool favourite)
{
    if (m_hasArticle && favourite != m_favourite) {
        m_favourite = favourite;
        render();
    }
}

void ArticleView::showMessage(const QString &message)
{
    m_customMessage = true;
    m_placeholder->setText(message);
    if (!m_hasArticle) {
        m_stack->setCurrentWidget(m_placeholder);
    }
}

void ArticleView::render()
{
    if (!m_hasArticle || !m_page) {
        return;
    }
    m_page->setHtml(renderArticleHtml(m_article, m_offices, ArticleColours::fromPalette(palette()), m_favourite),
                    ArticlePage::baseUrl());
}

bool ArticleView::hasArticle() const
{
    return m_hasArticle;
}

const kb::Article &ArticleView::article() const
{
    return m_article;
}

const QList<kb::Office> &ArticleView::offices() const
{
    return m_offices;
}

void ArticleView::openBrowserTab(const QUrl &url)
{
    ensureWebEngine();
    m_stack->setCurrentWidget(m_tabs);
    // A city portal page is a normal web page: default profile, JavaScript as the site needs it.
    auto *view = new QWebEngineView(m_tabs);
    view->setAccessibleName(tr("Web page"));
    view->setAccessibleDescription(tr("A page opened from a link in the article"));
    const int index = m_tabs->addTab(view, url.host());
    m_tabs->setTabToolTip(index, url.toString());
    connect(view, &QWebEngineView::titleChanged, this, [this, view](const QString &title) {
        const int i = m_tabs->indexOf(view);
        if (i > 0 && !title.isEmpty()) {
            m_tabs->setTabText(i, title.left(40));
        }
    });
    view->load(url);
    m_tabs->setCurrentIndex(index);
}

bool ArticleView::closeBrowserTab()
{
    if (!m_tabs || m_tabs->currentIndex() <= 0) {
        return false;
    }
    QWidget *w = m_tabs->currentWidget();
    m_tabs->removeTab(m_tabs->currentIndex());
    w->deleteLater();
    return true;
}

void ArticleView::focusArticle()
{
    if (m_view && m_hasArticle) {
        m_tabs->setCurrentIndex(0);
        m_view->setFocus(Qt::ShortcutFocusReason);
    }
}

QWebEngineView *ArticleView::articleWebView() const
{
    return m_view;
}

ArticlePage *ArticleView::articlePage() const
{
    return m_page;
}

void ArticleView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        render(); // the article's section titles are translated too
    } else if (event->type() == QEvent::PaletteChange) {
        render(); // follow dark/light
    }
    QWidget::changeEvent(event);
}

void ArticleView::retranslateUi()
{
    if (!m_customMessage) {
        m_placeholder->setText(tr("Type a few letters of a service in the search box, then press Enter to open it."));
    }
    if (m_tabs) {
        m_tabs->setAccessibleName(tr("Article and browser tabs"));
        m_tabs->setAccessibleDescription(tr("The article tab and web pages opened from its links"));
        for (QToolButton *scroll : m_tabs->tabBar()->findChildren<QToolButton *>()) {
            scroll->setAccessibleDescription(tr("Shows more tabs"));
        }
        m_tabs->tabBar()->setAccessibleName(tr("Article and browser tabs"));
        m_tabs->tabBar()->setAccessibleDescription(tr("The article tab and web pages opened from its links"));
        m_view->setAccessibleName(tr("Article"));
        m_view->setAccessibleDescription(tr("The selected service: documents to bring, fees, offices and links"));
        if (!m_hasArticle) {
            m_tabs->setTabText(0, tr("Article"));
        }
    }
}

} // namespace desk
