// Helpers for the look at the desk as its users see it: clipped texts and review pictures.
#include "uireview.h"

#include <cstdio>

#include <QAbstractButton>
#include <QLabel>
#include <QTest>
#include <QWidget>

namespace deskfixtures {

// Widgets of `root` whose text does not fit: a label or button narrower than its text needs (a word-wrapped label is
// checked by its height for its width). Hidden widgets and those inside scroll areas' viewports are skipped.
QStringList clippedTexts(QWidget *root)
{
    QStringList clipped;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root)) {
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->text().isEmpty() || label->pixmap().isNull() == false) {
                continue;
            }
            const QSize need = label->wordWrap() ? QSize(label->width(), label->heightForWidth(label->width()))
                                                 : label->minimumSizeHint();
            if (need.width() > label->width() + 1 || need.height() > label->height() + 1) {
                clipped << QStringLiteral("QLabel '%1' %2x%3 needs %4x%5")
                               .arg(label->text().left(60))
                               .arg(label->width())
                               .arg(label->height())
                               .arg(need.width())
                               .arg(need.height());
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty()) {
                continue;
            }
            const QSize need = button->sizeHint();
            if (need.width() > button->width() + 1) {
                clipped << QStringLiteral("%1 '%2' %3 needs %4")
                               .arg(QLatin1String(button->metaObject()->className()), button->text())
                               .arg(button->width())
                               .arg(need.width());
            }
        }
    }
    return clipped;
}

void shoot(QWidget *w, const QString &out, const QString &name)
{
    QTest::qWait(250);
    w->grab().save(out + QLatin1Char('/') + name + QStringLiteral(".png"));
    const QStringList clipped = clippedTexts(w);
    std::fprintf(stderr, "== %s %dx%d (minimum %dx%d)\n", qPrintable(name), w->width(), w->height(),
                 w->minimumSizeHint().width(), w->minimumSizeHint().height());
    for (const QString &c : clipped) {
        std::fprintf(stderr, "   clipped: %s\n", qPrintable(c));
    }
}

} // namespace deskfixtures
