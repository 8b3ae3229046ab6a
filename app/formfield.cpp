#include "formfield.h"

#include <QColor>
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

void styleAsError(QLabel *label)
{
    QPalette palette = label->palette();
    const bool light = palette.color(QPalette::Window).lightness() >= 128;
    palette.setColor(QPalette::WindowText, light ? QColor(0xa0, 0x00, 0x1c) : QColor(0xff, 0x9e, 0x9e));
    label->setPalette(palette);
    label->setForegroundRole(QPalette::WindowText);
}

} // namespace desk
