#include "savingdialog.h"

#include <QAccessible>
#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace desk {

SavingDialog::SavingDialog(QWidget *parent) : QDialog(parent) {}

SavingDialog::~SavingDialog() = default;

QString SavingDialog::message() const
{
    return m_message->text();
}

QLabel *SavingDialog::addStatusLine(QBoxLayout *layout, const QString &name)
{
    m_statusName = name;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(name);
    layout->addWidget(m_message);
    return m_message;
}

QDialogButtonBox *SavingDialog::addButtons(QBoxLayout *layout, const QString &saveDescription)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save"));
    buttons->button(QDialogButtonBox::Save)->setAccessibleDescription(saveDescription);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleDescription(tr("Closes the window without saving"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SavingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SavingDialog::reject);
    return buttons;
}

void SavingDialog::showMessage(const QString &text, bool announce)
{
    const bool changed = m_message->text() != text;
    m_message->setText(text);
    m_message->setAccessibleName(text.isEmpty() ? m_statusName : text);
    if (announce && changed && !text.isEmpty()) {
        QAccessibleEvent nameChanged(m_message, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&nameChanged);
        QAccessibleEvent alert(m_message, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void SavingDialog::accept()
{
    QString error;
    if (!save(&error)) {
        showMessage(error, true);
        return;
    }
    showMessage(savesOnServer() ? tr("Saved on the server.") : tr("Saved."), true);
    QDialog::accept();
}

} // namespace desk
