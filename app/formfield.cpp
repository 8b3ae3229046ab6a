#include "formfield.h"

#include <QApplication>
#include <QColor>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPalette>
#include <QWidget>

namespace desk {

void addFormField(QFormLayout *form, QWidget *field, const QString &label, const QString &description)
{
    form->addRow(label, field);
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    field->setAccessibleDescription(description);
}

namespace {

enum class Tone { Error, Hint };

QColor toneColour(Tone tone, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    if (tone == Tone::Error) {
        return window.lightness() >= 128 ? QColor(0xa0, 0x00, 0x1c) : QColor(0xff, 0x9e, 0x9e);
    }
    // Three fifths of the way from the window colour to the text colour.
    const QColor text = palette.color(QPalette::WindowText);
    const auto mix = [](int t, int w) { return (3 * t + 2 * w) / 5; };
    return {mix(text.red(), window.red()), mix(text.green(), window.green()), mix(text.blue(), window.blue())};
}

// Sets the label's tone again when the application's palette changes (light ↔ dark): once a role is set on the
// label, its own palette no longer follows the application's for that role.
class ToneKeeper final : public QObject
{
public:
    ToneKeeper(QLabel *label, Tone tone) : QObject(label), m_label(label), m_tone(tone)
    {
        label->installEventFilter(this);
        apply();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label &&
            (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)) {
            apply();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void apply()
    {
        const QColor colour = toneColour(m_tone, QApplication::palette(m_label));
        if (m_label->palette().color(QPalette::WindowText) == colour &&
            m_label->foregroundRole() == QPalette::WindowText) {
            return; // also ends the PaletteChange our own setPalette() sends
        }
        QPalette palette = m_label->palette();
        palette.setColor(QPalette::WindowText, colour);
        m_label->setPalette(palette);
        m_label->setForegroundRole(QPalette::WindowText);
    }

    QLabel *m_label;
    Tone m_tone;
};

} // namespace

void styleAsError(QLabel *label)
{
    new ToneKeeper(label, Tone::Error);
}

void styleAsHint(QLabel *label)
{
    new ToneKeeper(label, Tone::Hint);
}

QColor hintColour(const QPalette &palette)
{
    return toneColour(Tone::Hint, palette);
}

} // namespace desk
