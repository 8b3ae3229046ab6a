#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

class QSettings;

namespace desk {

enum class LinkHandling { SystemBrowser, InAppTab };

// Typed access to the desk's settings: every key with its name, scope and default in one table
// (desksettings.cpp), migrated by version on first use. Local keys belong to the workstation (database
// path), Roaming keys to the agent (language, layout, favourites). Stored in the per-user QSettings of
// organisation "HotlineDesk", application "hotline-desk".
class DeskSettings
{
public:
    enum Key {
        SettingsVersion,
        DatabasePath,      // Local; empty: kb::defaultDatabasePath()
        Language,          // Roaming; "de" or "en"
        LinkHandlingMode,  // Roaming; "system" or "tab"
        WindowGeometry,    // Roaming
        WindowState,       // Roaming
        SplitterState,     // Roaming
        RecentArticles,    // Roaming; ids, newest first
        FavouriteArticles, // Roaming; ids in the order they were added
        KeyCount
    };

    static constexpr int CurrentVersion = 1;
    static constexpr int MaxRecent = 20;

    DeskSettings();
    ~DeskSettings();
    DeskSettings(const DeskSettings &) = delete;
    DeskSettings &operator=(const DeskSettings &) = delete;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    // Convenience accessors for the typed keys.
    QString language() const;
    LinkHandling linkHandling() const;
    void setLinkHandling(LinkHandling mode);
    QStringList recentArticles() const;
    void addRecentArticle(const QString &id);
    QStringList favouriteArticles() const;
    bool isFavourite(const QString &id) const;
    void setFavourite(const QString &id, bool favourite);

    void sync();

private:
    void migrate();

    QSettings *m_settings;
};

} // namespace desk
