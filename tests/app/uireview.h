#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace deskfixtures {

// Visible labels and buttons of `root` whose text does not fit their size (word-wrapped labels by their height for
// their width), one line each naming the widget, its text and the size it needs.
QStringList clippedTexts(QWidget *root);
// Saves a picture of `w` as out/name.png for a human review and prints the clipped texts it found to stderr.
void shoot(QWidget *w, const QString &out, const QString &name);

} // namespace deskfixtures
