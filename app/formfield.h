#pragma once

class QColor;
class QFormLayout;
class QLabel;
class QPalette;
class QString;
class QWidget;

namespace desk {

// Adds `field` to `form` as a row labelled `label` (with its mnemonic, e.g. "&Office") and gives the field the label
// without the '&' as its accessible name and `description` as its accessible description (BITV: every input named).
void addFormField(QFormLayout *form, QWidget *field, const QString &label, const QString &description);

// Shows `label` as an error message: dark red on a light window, light red on a dark one, both readable (contrast of
// at least 4.5:1 against the window, WCAG AA / BITV). QPalette::BrightText is white in light palettes: invisible.
void styleAsError(QLabel *label);
// Shows `label` as a secondary hint: greyer than normal text, yet above 4.5:1 (QPalette::PlaceholderText is about
// 3.8:1 on Fusion's light grey). Both follow a change of the application's palette (light ↔ dark).
void styleAsHint(QLabel *label);
// The colour of such a hint in `palette` (for hints drawn by hand).
QColor hintColour(const QPalette &palette);

} // namespace desk
