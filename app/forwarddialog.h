#pragma once

#include "businesscalendar.h"
#include "forwardcomposer.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace desk {

// The forward by e-mail: a form prefilled from the article on screen and its office (office e-mail editable), the
// citizen's question, callback details with the consent tick, and the deadline from the business calendar, shown
// before sending. accept() only when validateForward() passes; the error names the field.
class ForwardDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForwardDialog)

public:
    ForwardDialog(const journal::ForwardRequest &prefill, const QString &notes, QWidget *parent = nullptr);
    ~ForwardDialog() override;

    // The rule the deadline was computed with, in words the agent can tell the citizen: "3 working days (rule of
    // the office Bürgerbüro Mitte)". Shown below the deadline.
    static QString describeRule(const journal::DeadlineRule &rule, journal::DeadlinePolicy::Scope scope,
                                const QString &owner);
    void setDeadlineRule(const QString &description);
    QString deadlineRuleText() const;

    journal::ForwardRequest request() const;
    QString errorText() const;
    void accept() override;

private:
    journal::ForwardRequest m_request;
    QLineEdit *m_officeEmail;
    QLineEdit *m_officeName;
    QLineEdit *m_service;
    QPlainTextEdit *m_question;
    QLineEdit *m_callbackName;
    QLineEdit *m_callbackPhone;
    QLineEdit *m_callbackEmail;
    QCheckBox *m_consent;
    QLabel *m_deadline;
    QLabel *m_rule;
    QLabel *m_error;
};

} // namespace desk
