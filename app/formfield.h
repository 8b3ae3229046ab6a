#pragma once

class QFormLayout;
class QString;
class QWidget;

namespace desk {

// Adds `field` to `form` as a row labelled `label` (with its mnemonic, e.g. "&Office") and gives the field the label
// without the '&' as its accessible name and `description` as its accessible description (BITV: every input named).
void addFormField(QFormLayout *form, QWidget *field, const QString &label, const QString &description);

} // namespace desk
