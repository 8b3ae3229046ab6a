#pragma once

#include <QObject>

class QTranslator;

namespace desk {

// Installs the desk's catalogue (":/i18n/hotline_<lang>.qm") and Qt's own (qtbase_<lang> and qtwebengine_<lang>
// from Qt's translations folder) for the chosen language. Switching sends LanguageChange to every widget, which
// retranslates itself: the switch applies at once.
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

private:
    QTranslator *m_app;
    QTranslator *m_qt;
    QTranslator *m_qtWebEngine;
    QString m_language;
};

} // namespace desk
