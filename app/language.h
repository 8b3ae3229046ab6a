#pragma once

#include <QObject>

class QTranslator;

namespace desk {

// Installs the desk's catalogue (":/i18n/hotline_<lang>.qm") and Qt's own (qtbase_<lang> and qtwebengine_<lang>
// from Qt's translations folder, Debian package qt6-translations-l10n) for the chosen language: key names in
// shortcut texts ("Strg+Umschalt+C"), standard buttons and the context menus of Qt's widgets. Switching swaps all
// of them and sends LanguageChange to every widget, which retranslates itself: the switch applies at once.
// The desk's catalogue is installed last, so it is asked first: it overrides the few key names Qt's German leaves
// in English ("Return" → "Eingabe"). Without Qt's catalogues the desk still starts, with a warning.
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "de" or "en"; returns false (and keeps the source texts) if the desk's catalogue is missing.
    bool apply(const QString &language);
    QString language() const;
    // Where Qt's own catalogues are looked for; QLibraryInfo's TranslationsPath unless set (tests).
    void setQtTranslationsPath(const QString &path);
    // Whether Qt's own catalogue (qtbase) is installed for the current language (always false for English).
    bool hasQtTranslation() const;

private:
    QTranslator *m_app;
    QTranslator *m_qt;
    QTranslator *m_qtWebEngine;
    QString m_language;
    QString m_qtPath;
    bool m_hasQt = false;
};

} // namespace desk
