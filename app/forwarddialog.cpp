#include "forwarddialog.h"

#include "formfield.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace desk {

ForwardDialog::ForwardDialog(const journal::ForwardRequest &prefill, const QString &notes, QWidget *parent)
    : QDialog(parent), m_request(prefill), m_officeEmail(new QLineEdit(prefill.officeEmail, this)),
      m_officeName(new QLineEdit(prefill.officeName, this)), m_service(new QLineEdit(prefill.serviceTitle, this)),
      m_question(new QPlainTextEdit(prefill.question.isEmpty() ? notes : prefill.question, this)),
      m_callbackName(new QLineEdit(prefill.callbackName, this)),
      m_callbackPhone(new QLineEdit(prefill.callbackPhone, this)),
      m_callbackEmail(new QLineEdit(prefill.callbackEmail, this)), m_consent(new QCheckBox(this)),
      m_deadline(new QLabel(this)), m_rule(new QLabel(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("ForwardDialog"));
    setWindowTitle(tr("Forward by e-mail"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    addFormField(form, m_officeEmail, tr("Office &e-mail"),
                 tr("Where the question goes; from the catalogue, editable"));
    addFormField(form, m_officeName, tr("&Office"), tr("The responsible office"));
    addFormField(form, m_service, tr("Se&rvice"), tr("The service the question is about"));
    addFormField(form, m_question, tr("&Question"), tr("The citizen's question in your words"));
    addFormField(form, m_callbackName, tr("Citizen's &name"), tr("Who the office answers"));
    addFormField(form, m_callbackPhone, tr("Callback &phone"), tr("Phone number for the office's answer"));
    addFormField(form, m_callbackEmail, tr("Callback e-&mail"), tr("E-mail address for the office's answer"));
    m_consent->setText(tr("The citizen agrees that the office receives these contact details"));
    addFormField(form, m_consent, tr("&Consent"), tr("Contact details go to the office only with consent"));
    m_question->setTabChangesFocus(true);
    const QDateTime due = prefill.deadline.toTimeZone(journal::BusinessCalendar::berlin());
    const QLocale locale;
    m_deadline->setText(QStringLiteral("%1, %2").arg(locale.toString(due.date(), QLocale::LongFormat),
                                                     locale.toString(due.time(), QLocale::ShortFormat)));
    form->addRow(tr("Deadline"), m_deadline);
    m_deadline->setAccessibleName(tr("Deadline"));
    m_deadline->setAccessibleDescription(tr("By when the office answers the citizen (business calendar)"));
    m_rule->setObjectName(QStringLiteral("deadlineRule"));
    m_rule->setWordWrap(true);
    m_rule->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    form->addRow(tr("Deadline rule"), m_rule);
    setDeadlineRule(describeRule(journal::DeadlineRule{}, journal::DeadlinePolicy::Scope::Default, QString()));
    layout->addLayout(form);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Send"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Send"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleDescription(tr("Commits the case and sends the e-mail"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleDescription(tr("Back to the wrap-up"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ForwardDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ForwardDialog::reject);
    m_question->setFocus(Qt::OtherFocusReason);
}

ForwardDialog::~ForwardDialog() = default;

QString ForwardDialog::describeRule(const journal::DeadlineRule &rule, journal::DeadlinePolicy::Scope scope,
                                    const QString &owner)
{
    QString length;
    if (rule.mode == journal::DeadlineRule::Mode::WorkingDays) {
        length = rule.hours % 24 == 0 ? tr("%n working day(s)", nullptr, rule.hours / 24)
                                      : tr("%n hour(s) of working days", nullptr, rule.hours);
    } else {
        length = tr("%n working hour(s)", nullptr, rule.hours);
    }
    switch (scope) {
    case journal::DeadlinePolicy::Scope::Service:
        return tr("%1 (rule of the service %2)").arg(length, owner);
    case journal::DeadlinePolicy::Scope::Office:
        return tr("%1 (rule of the office %2)").arg(length, owner);
    case journal::DeadlinePolicy::Scope::Default:
        break;
    }
    return tr("%1 (default rule)").arg(length);
}

void ForwardDialog::setDeadlineRule(const QString &description)
{
    m_rule->setText(description);
    m_rule->setAccessibleName(tr("Deadline rule: %1").arg(description));
    m_rule->setAccessibleDescription(tr("How the deadline was counted; tell the citizen"));
}

QString ForwardDialog::deadlineRuleText() const
{
    return m_rule->text();
}

journal::ForwardRequest ForwardDialog::request() const
{
    journal::ForwardRequest r = m_request;
    r.officeEmail = m_officeEmail->text().trimmed();
    r.officeName = m_officeName->text().trimmed();
    r.serviceTitle = m_service->text().trimmed();
    r.question = m_question->toPlainText().trimmed();
    r.callbackName = m_callbackName->text().trimmed();
    r.callbackPhone = m_callbackPhone->text().trimmed();
    r.callbackEmail = m_callbackEmail->text().trimmed();
    r.callbackConsent = m_consent->isChecked();
    return r;
}

QString ForwardDialog::errorText() const
{
    return m_error->text();
}

void ForwardDialog::accept()
{
    QString error;
    if (!journal::validateForward(request(), &error)) {
        m_error->setText(error);
        m_error->setAccessibleName(error);
        return;
    }
    QDialog::accept();
}

} // namespace desk
