package io.awstutor.web.console;

import io.awstutor.sandbox.ConsoleSignIn;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.web.Html;
import io.awstutor.web.Layout;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing in as an IAM user: account id, user name and the password CreateLoginProfile set,
 * checked by IAM. The browser holds only a random session id, in an HttpOnly, SameSite=Strict
 * cookie; the session's credentials stay on the server. Nobody signed in is the account's root.
 */
final class SignIn {
    static final String COOKIE = "awstutor_console";

    private final ConsoleSignIn iam;
    private final Operator root;
    private final ConsoleClients clients;
    private final Map<String, Operator> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    SignIn(ConsoleSignIn iam, Operator root, ConsoleClients clients) {
        this.iam = iam;
        this.root = root;
        this.clients = clients;
    }

    Operator operator(WebRequest request) {
        return request.cookie(COOKIE).map(sessions::get).orElse(root);
    }

    WebResponse form(WebRequest request) {
        return page(request, Html.empty(), request.param("account", root.accountId()), request.param("user", ""));
    }

    private WebResponse page(WebRequest request, Html problem, String account, String user) {
        Html top = Layout.topBar("awstutor sandbox console", ConsoleView.PREFIX + "/", java.util.List.of(), "", Html.empty());
        Html form = Html.of("""
                <main id="main"><h1>Sign in as an IAM user</h1>{}
                <p class="muted">The password is the one CreateLoginProfile (or UpdateLoginProfile) set for the user.
                Signed in, every page shows what that user's policies allow, and AWS's AccessDenied where they don't.</p>
                <form method="post" action="{}" class="panel signin">
                <label>Account ID <input name="account" value="{}" required inputmode="numeric" autocomplete="off"></label>
                <label>IAM user name <input name="user" value="{}" required autocomplete="username" autofocus></label>
                <label>Password <input name="password" type="password" required autocomplete="current-password"></label>
                <div class="row"><button type="submit">Sign in</button> <a href="{}">Back, as root</a></div>
                </form></main>""", problem, Html.href(ConsoleView.PREFIX + "/signin"), account, user,
                Html.href(ConsoleView.PREFIX + "/"));
        return WebResponse.page("Sign in · awstutor console", Html.join(top, form));
    }

    WebResponse submit(WebRequest request) {
        String account = request.param("account", "").strip();
        String user = request.param("user", "").strip();
        Optional<Credential> session = iam.signIn(account, user, request.param("password", ""));
        if (session.isEmpty()) {
            // AWS's sign-in page gives the same answer whichever part was wrong
            return page(request, ConsoleView.notice("error", "Your authentication information is incorrect. Please try again."),
                    account, user).withHeader("X-Awstutor-Signin", "refused");
        }
        Credential c = session.get();
        Operator who = new Operator(account, user + " @ " + account,
                AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()), false);
        byte[] id = new byte[32];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, who);
        return WebResponse.redirect(ConsoleView.PREFIX + "/").withCookie(COOKIE, sessionId, true);
    }

    WebResponse signOut(WebRequest request) {
        request.cookie(COOKIE).map(sessions::remove).ifPresent(who -> {
            clients.forget(who);
            iam.signOut(who.credentials().accessKeyId());
        });
        return WebResponse.redirect(ConsoleView.PREFIX + "/").clearingCookie(COOKIE);
    }
}
