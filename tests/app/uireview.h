#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QAction;
class QColor;
class QLabel;
class QWidget;

namespace deskfixtures {

// Visible labels and buttons of `root` whose text does not fit their size (word-wrapped labels by their height for
// their width), one line each naming the widget, its text and the size it needs.
QStringList clippedTexts(QWidget *root);
// Mnemonics (&x) used twice among what is visible at once in `root`: its labels, buttons, group boxes and the tabs of
// its visible tab bars (without `except` and its children); one line per clash, naming the key and both texts.
QStringList mnemonicClashes(QWidget *root, const QWidget *except = nullptr);
// The same for the visible actions of a menu or a menu bar (submenus are checked on their own).
QStringList mnemonicClashes(const QList<QAction *> &actions);
// Widgets of `root` a keyboard user reaches (focusable, enabled) without an accessible name or description, one line
// each naming the class and object name. The internals of combo boxes, scroll bars and spin boxes are skipped.
QStringList unnamedWidgets(QWidget *root);
// WCAG contrast ratio of two colours (1 … 21); text needs at least 4.5.
double contrastRatio(const QColor &a, const QColor &b);
// The contrast of a label's text against its window background, as it is drawn.
double textContrast(const QLabel *label);
// Saves a picture of `w` as out/name.png for a human review and prints the clipped texts it found to stderr.
void shoot(QWidget *w, const QString &out, const QString &name);

} // namespace deskfixtures
