#include "articlepage.h"

#include <QLoggingCategory>
#include <QWebEngineSettings>

Q_LOGGING_CATEGORY(lcArticlePage, "hotline.desk.article", QtInfoMsg)

namespace desk {

ArticlePage::ArticlePage(QWebEngineProfile *profile, QObject *parent) : QWebEnginePage(profile, parent)
{
    QWebEngineSettings *s = settings();
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
}

ArticlePage::~ArticlePage() = default;

QUrl ArticlePage::baseUrl()
{
    return QUrl(QStringLiteral("qrc:/desk/article/"));
}

bool ArticlePage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (type == NavigationTypeLinkClicked) {
        const QString scheme = url.scheme();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto") ||
            scheme == QLatin1String("tel")) {
            Q_EMIT linkActivated(url);
        } else if (!url.hasFragment() || url.adjusted(QUrl::RemoveFragment) != baseUrl()) {
            qCInfo(lcArticlePage) << "blocked link to" << url.scheme() << "URL";
        } else {
            return true; // an in-page anchor
        }
        return false;
    }
    // setHtml() loads the page itself as a data: URL; everything else (redirects, forms, meta refresh) is refused.
    const QString scheme = url.scheme();
    if (isMainFrame &&
        (scheme == QLatin1String("data") || url == baseUrl() || url == QUrl(QStringLiteral("about:blank")))) {
        return true;
    }
    qCInfo(lcArticlePage) << "blocked navigation" << type << "to" << url.scheme() << "URL";
    return false;
}

QWebEnginePage *ArticlePage::createWindow(WebWindowType)
{
    return nullptr; // no pop-ups from article pages
}

} // namespace desk
