#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "hotline.desk.i18n", QtInfoMsg)

namespace desk {

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
    bool ok = m_app->load(QStringLiteral("hotline_") + lang, QStringLiteral(":/i18n"));
    if (ok) {
        QCoreApplication::installTranslator(m_app);
    } else {
        qCWarning(lcLanguage) << "no desk translation for" << lang;
    }
    // Qt's own dialogs and context menus: English needs no catalogue.
    if (lang != QLatin1String("en")) {
        const QString qtPath = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (m_qt->load(QStringLiteral("qtbase_") + lang, qtPath)) {
            QCoreApplication::installTranslator(m_qt);
        } else {
            qCInfo(lcLanguage) << "Qt's own translation qtbase_" << lang << "not found in" << qtPath;
        }
        if (m_qtWebEngine->load(QStringLiteral("qtwebengine_") + lang, qtPath)) {
            QCoreApplication::installTranslator(m_qtWebEngine);
        }
    }
    m_language = lang;
    return ok;
}

QString LanguageManager::language() const
{
    return m_language;
}

} // namespace desk
