#include "desksettings.h"

#include <QSettings>

namespace desk {

namespace {

enum class Scope { Local, Roaming };

struct KeyInfo
{
    DeskSettings::Key key;
    const char *name;
    Scope scope;
    QVariant defaultValue;
};

// The one table of keys and defaults (KeePassXC's Config pattern). Local keys live under "Local/",
// so a roaming profile can later sync everything else.
const KeyInfo &info(DeskSettings::Key key)
{
    static const KeyInfo table[] = {
        {DeskSettings::SettingsVersion, "SettingsVersion", Scope::Local, 0},
        {DeskSettings::DatabasePath, "Local/DatabasePath", Scope::Local, QString()},
        {DeskSettings::Language, "UI/Language", Scope::Roaming, QStringLiteral("de")},
        {DeskSettings::LinkHandlingMode, "UI/LinkHandling", Scope::Roaming, QStringLiteral("system")},
        {DeskSettings::WindowGeometry, "UI/WindowGeometry", Scope::Roaming, QByteArray()},
        {DeskSettings::WindowState, "UI/WindowState", Scope::Roaming, QByteArray()},
        {DeskSettings::SplitterState, "UI/SplitterState", Scope::Roaming, QByteArray()},
        {DeskSettings::RecentArticles, "Articles/Recent", Scope::Roaming, QStringList()},
        {DeskSettings::FavouriteArticles, "Articles/Favourites", Scope::Roaming, QStringList()},
    };
    static_assert(std::size(table) == DeskSettings::KeyCount, "every key needs a row");
    return table[key];
}

} // namespace

DeskSettings::DeskSettings() : m_settings(new QSettings)
{
    migrate();
}

DeskSettings::~DeskSettings()
{
    delete m_settings;
}

QString DeskSettings::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant DeskSettings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QVariant DeskSettings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void DeskSettings::setValue(Key key, const QVariant &value)
{
    if (value == defaultValue(key)) {
        m_settings->remove(keyName(key));
    } else {
        m_settings->setValue(keyName(key), value);
    }
}

QString DeskSettings::language() const
{
    const QString lang = value(Language).toString();
    return lang == QLatin1String("en") ? lang : QStringLiteral("de");
}

LinkHandling DeskSettings::linkHandling() const
{
    return value(LinkHandlingMode).toString() == QLatin1String("tab") ? LinkHandling::InAppTab
                                                                      : LinkHandling::SystemBrowser;
}

void DeskSettings::setLinkHandling(LinkHandling mode)
{
    setValue(LinkHandlingMode, mode == LinkHandling::InAppTab ? QStringLiteral("tab") : QStringLiteral("system"));
}

QStringList DeskSettings::recentArticles() const
{
    return value(RecentArticles).toStringList();
}

void DeskSettings::addRecentArticle(const QString &id)
{
    QStringList recent = recentArticles();
    recent.removeAll(id);
    recent.prepend(id);
    while (recent.size() > MaxRecent) {
        recent.removeLast();
    }
    setValue(RecentArticles, recent);
}

QStringList DeskSettings::favouriteArticles() const
{
    return value(FavouriteArticles).toStringList();
}

bool DeskSettings::isFavourite(const QString &id) const
{
    return favouriteArticles().contains(id);
}

void DeskSettings::setFavourite(const QString &id, bool favourite)
{
    QStringList favourites = favouriteArticles();
    favourites.removeAll(id);
    if (favourite) {
        favourites.append(id);
    }
    setValue(FavouriteArticles, favourites);
}

void DeskSettings::sync()
{
    m_settings->sync();
}

void DeskSettings::migrate()
{
    const int version = value(SettingsVersion).toInt();
    if (version >= CurrentVersion) {
        return;
    }
    // Version 0 → 1: nothing to convert yet (first release); later versions add steps here, in order.
    m_settings->setValue(keyName(SettingsVersion), CurrentVersion);
}

} // namespace desk
