// Helpers for the look at the desk as its users see it: clipped texts and review pictures.
#include "uireview.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <QAbstractButton>
#include <QAction>
#include <QColor>
#include <QPalette>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QTabBar>
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

namespace {

QStringList clashesAmong(const QStringList &texts)
{
    QHash<QChar, QString> owner;
    QStringList clashes;
    for (const QString &text : texts) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&')) {
                continue;
            }
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i; // "&&" is a literal ampersand
                continue;
            }
            const QChar key = text.at(i + 1).toLower();
            if (owner.contains(key)) {
                clashes << QString(key) + QStringLiteral(": ") + owner.value(key) + QStringLiteral(" / ") + text;
            }
            owner.insert(key, text);
            break;
        }
    }
    return clashes;
}

} // namespace

QStringList mnemonicClashes(QWidget *root, const QWidget *except)
{
    QStringList texts;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || (except && (w == except || except->isAncestorOf(w)))) {
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(w)) {
            texts << label->text();
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            texts << button->text();
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            texts << box->title();
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                texts << tabs->tabText(i);
            }
        }
    }
    return clashesAmong(texts);
}

QStringList mnemonicClashes(const QList<QAction *> &actions)
{
    QStringList texts;
    for (const QAction *action : actions) {
        if (action->isVisible() && !action->isSeparator()) {
            texts << action->text();
        }
    }
    return clashesAmong(texts);
}

QStringList unnamedWidgets(QWidget *root)
{
    QStringList unnamed;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isEnabledTo(root) || !w->isVisibleTo(root) ||
            w->inherits("QScrollBar")) {
            continue;
        }
        bool internal = false;
        for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget()) {
            internal = internal || p->inherits("QComboBox") || p->inherits("QAbstractSpinBox") ||
                       p->inherits("QWebEngineView") || p->inherits("QCalendarWidget");
        }
        if (internal) {
            continue;
        }
        if (w->accessibleName().isEmpty() || w->accessibleDescription().isEmpty()) {
            const QString parent =
                w->parentWidget() ? QLatin1String(w->parentWidget()->metaObject()->className()) : QString();
            QString text;
            if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                text = button->text();
            }
            unnamed << QStringLiteral("%1 '%2' %3 (in %4): name '%5', description '%6'")
                           .arg(QLatin1String(w->metaObject()->className()), w->objectName(), text, parent,
                                w->accessibleName(), w->accessibleDescription().left(30));
        }
    }
    return unnamed;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double textContrast(const QLabel *label)
{
    return contrastRatio(label->palette().color(label->foregroundRole()),
                         label->palette().color(label->backgroundRole()));
}

void shoot(QWidget *w, const QString &out, const QString &name)
{
    QTest::qWait(250);
    w->grab().save(out + QLatin1Char('/') + name + QStringLiteral(".png"));
    const QStringList clipped = clippedTexts(w);
    std::fprintf(stderr, "== %s '%s' %dx%d (minimum %dx%d)\n", qPrintable(name), qPrintable(w->windowTitle()),
                 w->width(), w->height(), w->minimumSizeHint().width(), w->minimumSizeHint().height());
    for (const QString &c : clipped) {
        std::fprintf(stderr, "   clipped: %s\n", qPrintable(c));
    }
}

} // namespace deskfixtures
