#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "hotline.desk.i18n", QtInfoMsg)

namespace desk {

namespace {

// Key names of shortcut texts (QKeySequence::toString looks them up in the context "QShortcut") that Qt's German
// catalogue leaves in English ("Strg+Return"). The desk's catalogue translates them; lupdate collects them from here.
[[maybe_unused]] const char *const KeyNames[] = {
    QT_TRANSLATE_NOOP("QShortcut", "Return"),
};

} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent), m_app(new QTranslator(this)), m_qt(new QTranslator(this)), m_qtWebEngine(new QTranslator(this))
{
}

LanguageManager::~LanguageManager() = default;

bool LanguageManager::apply(const QString &language)
{
    const QString lang = language == QLatin1String("en") ? language : QStringLiteral("de");
    QCoreApplication::removeTranslator(m_app);
    QCoreApplication::removeTranslator(m_qt);
    QCoreApplication::removeTranslator(m_qtWebEngine);
    QLocale::setDefault(QLocale(lang == QLatin1String("de") ? QLocale::German : QLocale::English,
                                lang == QLatin1String("de") ? QLocale::Germany : QLocale::UnitedKingdom));
    // Qt's own catalogues first: translators are asked newest first, so the desk's (installed below) wins where both
    // translate the same text. English needs none of Qt's.
    m_hasQt = false;
    if (lang != QLatin1String("en")) {
        const QString qtPath = m_qtPath.isEmpty() ? QLibraryInfo::path(QLibraryInfo::TranslationsPath) : m_qtPath;
        if (m_qt->load(QStringLiteral("qtbase_") + lang, qtPath)) {
            QCoreApplication::installTranslator(m_qt);
            m_hasQt = true;
        } else {
            qCWarning(lcLanguage).noquote()
                << QStringLiteral("Qt's own translation qtbase_%1.qm is missing in %2 (Debian package "
                                  "qt6-translations-l10n): key names and Qt's standard buttons stay English")
                       .arg(lang, qtPath);
        }
        if (m_qtWebEngine->load(QStringLiteral("qtwebengine_") + lang, qtPath)) {
            QCoreApplication::installTranslator(m_qtWebEngine);
        }
    }
    const bool ok = m_app->load(QStringLiteral("hotline_") + lang, QStringLiteral(":/i18n"));
    if (ok) {
        QCoreApplication::installTranslator(m_app);
    } else {
        qCWarning(lcLanguage) << "no desk translation for" << lang;
    }
    m_language = lang;
    return ok;
}

void LanguageManager::setQtTranslationsPath(const QString &path)
{
    m_qtPath = path;
}

bool LanguageManager::hasQtTranslation() const
{
    return m_hasQt;
}

QString LanguageManager::language() const
{
    return m_language;
}

} // namespace desk
