package dev.plumbline.ui;

import com.microsoft.playwright.Page;
import dev.plumbline.access.TestAccounts;
import java.net.URL;

/** Signs a test account in through the login page, as a person would. */
final class SignIn {

    private SignIn() {
    }

    static void as(Page page, URL root, String username) {
        as(page, root, username, TestAccounts.PASSWORD);
    }

    static void as(Page page, URL root, String username, String password) {
        page.navigate(root + "login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(root.toString());
    }
}
