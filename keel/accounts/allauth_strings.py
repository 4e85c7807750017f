# ruff: noqa: E501  (msgids must match allauth exactly)
"""django-allauth strings that Keel words its own way in zh-hans and zh-hant.

allauth's catalogues use other terms than Keel's glossary (双因素身份认证 for two-factor,
会话 for session, 您 for you) and have a few broken entries. Listing the msgids here makes
`make messages` keep them in Keel's catalogues, which take precedence over allauth's.
Nothing imports this module at run time.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ALLAUTH_MESSAGES = [
    gettext_noop("This account is currently inactive."),
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("Incorrect code."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("The email address is not assigned to any user account."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("Use authenticator app or code"),
    gettext_noop("Email (again)"),
    gettext_noop("Email address confirmation"),
    gettext_noop("You must type the same email each time."),
    gettext_noop("Code"),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect password."),
    gettext_noop("Invalid or expired key."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("Use your password"),
    gettext_noop(
        "You cannot add an email address to an account protected by two-factor authentication."
    ),
    gettext_noop(
        "You cannot generate recovery codes without having two-factor authentication enabled."
    ),
    gettext_noop(
        "You cannot activate two-factor authentication until you have verified your email address."
    ),
    gettext_noop("You cannot deactivate two-factor authentication."),
    gettext_noop("Recovery codes"),
    gettext_noop("TOTP Authenticator"),
    gettext_noop("Authenticator code"),
    gettext_noop("Please reauthenticate to safeguard your account."),
    gettext_noop("Confirm Access"),
    gettext_noop("Alternative options"),
    gettext_noop("Confirm Email Address"),
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by a different account."
    ),
    gettext_noop(
        'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    gettext_noop("Sign Out"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("You cannot remove your primary email address (%(email)s)."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("Removed email address %(email)s."),
    gettext_noop("You have signed out."),
    gettext_noop("Primary email address set."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("Password successfully changed."),
    gettext_noop("Password successfully set."),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop("Reset My Password"),
    gettext_noop("Bad Token"),
    gettext_noop("Your password is now changed."),
    gettext_noop("Enter your password:"),
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop("Verify Your Email Address"),
    gettext_noop("Two-Factor Authentication"),
    gettext_noop(
        "Your account is protected by two-factor authentication. Please enter an authenticator code:"
    ),
    gettext_noop("Authenticator app activated."),
    gettext_noop("Authenticator App Activated"),
    gettext_noop("Authenticator app deactivated."),
    gettext_noop("Authentication using an authenticator app is active."),
    gettext_noop("An authenticator app is not active."),
    gettext_noop("Activate"),
    gettext_noop("Recovery Codes"),
    gettext_noop("No recovery codes set up."),
    gettext_noop("A new set of recovery codes has been generated."),
    gettext_noop("A new set of Two-Factor Authentication recovery codes has been generated."),
    gettext_noop("New Recovery Codes Generated"),
    gettext_noop("Enter an authenticator code:"),
    gettext_noop("You are about to generate a new set of recovery codes for your account."),
    gettext_noop("This action will invalidate your existing codes."),
    gettext_noop("Unused codes"),
    gettext_noop("Download codes"),
    gettext_noop("Generate new codes"),
    gettext_noop("I have saved my recovery codes"),
    gettext_noop("Activate Authenticator App"),
    gettext_noop(
        "To protect your account with two-factor authentication, scan the QR code below with your authenticator app. Then, input the verification code generated by the app below."
    ),
    gettext_noop(
        "You can store this secret and use it to reinstall your authenticator app at a later time."
    ),
    gettext_noop(
        "You are about to deactivate authenticator app based authentication. Are you sure?"
    ),
    gettext_noop("Signed out of all other sessions."),
    gettext_noop("IP Address"),
    gettext_noop("Sign Out Other Sessions"),
    gettext_noop("Last seen at"),
    gettext_noop("User Sessions"),
    gettext_noop("session key"),
    gettext_noop("Forgot your password?"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("Change Password"),
    gettext_noop("Forgot Password?"),
    gettext_noop("Password Reset"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."
    ),
    gettext_noop("Hello from %(site_name)s!"),
    gettext_noop("Thank you for using %(site_name)s!\n%(site_domain)s"),
    gettext_noop("Authenticator App"),
    gettext_noop("Are you sure?"),
    gettext_noop("Authenticator secret"),
    gettext_noop("Deactivate Authenticator App"),
    gettext_noop("Started At"),
]

ALLAUTH_PLURALS = [
    ngettext_lazy(
        "There is %(unused_count)s out of %(total_count)s recovery codes available.",
        "There are %(unused_count)s out of %(total_count)s recovery codes available.",
        "count",
    ),
]
