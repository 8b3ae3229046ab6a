#pragma once

#include <QWebEnginePage>

namespace desk {

// The page articles are shown in. Hardened: JavaScript off, no access from local content to remote URLs, no
// plugins, and no navigation at all except to the page's own HTML. A clicked link is never followed in the page:
// it is handed out through linkActivated() (the desk opens it in the system browser or a browser tab), so nothing
// loads from the network without a click.
class ArticlePage final : public QWebEnginePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticlePage)

public:
    explicit ArticlePage(QWebEngineProfile *profile, QObject *parent = nullptr);
    ~ArticlePage() override;

    // The base URL article HTML is set with: a local scheme, so relative URLs cannot reach the network.
    static QUrl baseUrl();

Q_SIGNALS:
    void linkActivated(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};

} // namespace desk
