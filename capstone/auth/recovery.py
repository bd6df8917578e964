"""The pages behind the links in account emails: verify an address, reset a password."""

from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_login import login_required
from flask_login import logout_user

from capstone.account_forms import ForgotPasswordForm
from capstone.account_forms import ResetPasswordForm
from capstone.auth import bp
from capstone.services import account_links
from capstone.services import users
from capstone.services.account_links import BadLink
from capstone.services.errors import Invalid
from capstone.web import render_form
from capstone.web import show_errors

SENT = "If an account has that name or address, we sent it a link. It works for one hour."


def bad_link(problem):
    """The page for a link that is forged, expired or used: 400, with what to do next."""
    return render_template("auth/bad_link.html", message=str(problem)), 400


@bp.route("/verify/<token>")
def verify_email(token):
    """Open the link of the verification email."""
    try:
        account_links.verify_email(token)
    except BadLink as problem:
        return bad_link(problem)
    flash("Thank you: your email address is verified.", "success")
    return redirect(url_for("main.profile" if current_user.is_authenticated else "auth.login"))


@bp.route("/verify", methods=["POST"])
@login_required
def resend_verification():
    """Send the verification email again (from the profile page)."""
    if current_user.email_verified_at is not None:
        flash("Your address is verified already: there is nothing to confirm.", "info")
    elif account_links.resend_verification(current_user) is None:
        flash(
            f"We sent a link to {current_user.email} less than a minute ago. Look for it"
            " (in the spam folder too) before asking again.",
            "info",
        )
    else:
        flash(f"We sent a new link to {current_user.email}.", "info")
    return redirect(url_for("main.profile"), code=303)


@bp.route("/reset", methods=["GET", "POST"])
def forgot_password():
    """Ask for a reset link; the answer is the same whether or not the account exists."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        account_links.request_password_reset(users.find_user(form.username.data))
        flash(SENT, "info")
        return redirect(url_for("auth.login"), code=303)
    return render_form("auth/forgot.html", form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    """Choose a new password with the link of the reset email; every session ends."""
    try:
        account_links.user_for_reset(token)
    except BadLink as problem:
        return bad_link(problem)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            account_links.reset_password(token, form.password.data)
        except Invalid as invalid:
            show_errors(form, invalid)
        else:
            logout_user()
            flash("Your password is changed. Log in with the new one.", "success")
            return redirect(url_for("auth.login"), code=303)
    return render_form("auth/reset.html", form)
