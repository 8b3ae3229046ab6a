#pragma once

class QFormLayout;
class QLabel;
class QString;
class QWidget;

namespace desk {

// Adds `field` to `form` as a row labelled `label` (with its mnemonic, e.g. "&Office") and gives the field the label
// without the '&' as its accessible name and `description` as its accessible description (BITV: every input named).
void addFormField(QFormLayout *form, QWidget *field, const QString &label, const QString &description);

// Shows `label` as an error message: dark red on a light window, light red on a dark one, both readable (contrast of
// at least 4.5:1 against the window, WCAG AA / BITV). QPalette::BrightText is white in light palettes: invisible.
void styleAsError(QLabel *label);

} // namespace desk
