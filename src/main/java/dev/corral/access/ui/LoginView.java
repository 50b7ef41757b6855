package dev.corral.access.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.corral.access.DirectoryProperties;
import com.vaadin.flow.server.VaadinSession;
import dev.corral.access.SignInFailure;
import org.springframework.security.web.WebAttributes;

/** The sign-in page: Vaadin's login form, posting to Spring Security, against the directory. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Corral")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(DirectoryProperties directory) {
        addClassName("corral-login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));
        add(form);
        if (directory.demoHint()) {
            Div hint = new Div(
                    new Paragraph("Demo directory (for trying Corral only): sign in as admin, hq-admin, "
                            + "branch-ops, dev or auditor, each with the password demo."));
            hint.addClassName("corral-login-hint");
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setI18n(i18n(SignInFailure.of(lastSignInException())));
            form.setError(true);
        }
    }

    /** Spring Security keeps the failure of the last sign-in in the session before redirecting here. */
    private static Object lastSignInException() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private static LoginI18n i18n(SignInFailure failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Corral");
        i18n.getForm().setUsername("User name");
        i18n.getForm().setSubmit("Sign in");
        LoginI18n.ErrorMessage message = i18n.getErrorMessage();
        switch (failure == null ? SignInFailure.WRONG_CREDENTIALS : failure) {
            case DIRECTORY_UNAVAILABLE -> {
                message.setTitle("The directory cannot be reached");
                message.setMessage("Your password was not checked because Corral cannot reach the directory. "
                        + "Try again shortly, or tell your administrator if it persists.");
            }
            case LOCKED -> {
                message.setTitle("Too many failed sign-ins");
                message.setMessage("This user name is locked for a few minutes after repeated wrong passwords. "
                        + "Wait, then try again with the right password.");
            }
            case ACCOUNT_DISABLED -> {
                message.setTitle("This account is disabled or locked");
                message.setMessage("The directory has disabled or locked this account. "
                        + "Ask your directory administrator to unlock it.");
            }
            default -> {
                message.setTitle("Wrong user name or password");
                message.setMessage("Check your directory user name and password, then try again.");
            }
        }
        return i18n;
    }
}
