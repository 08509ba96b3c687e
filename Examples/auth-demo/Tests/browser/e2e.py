#!/usr/bin/env python3
"""End-to-end test of auth-demo in a real headless browser.

Debian's chromium and chromium-driver (installed by `scripts/bootstrap --test`), driven by Selenium from
the project's .venv, pointed at /usr/bin/chromedriver: no browser or driver is downloaded (Selenium Manager
never runs). It provisions a temporary SQLite store with `mongo-doctor provision`, starts `auth-demo` on a
free loopback port, and walks the flow a person would: sign up, see the dashboard, reload, sign out, press
back and not see the dashboard, a wrong password, sign in again. Screenshots of each page go to
--screenshots (default: .artifacts/auth-demo in the repository, ignored by git).

    .venv/bin/python Examples/auth-demo/Tests/browser/e2e.py --demo PATH --mongo-doctor PATH
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not fetch anything, even if reached.

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
USERNAME = "Ada_Lovelace"
PASSWORD = "analytical-engine-1843"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def start_demo(demo, store, log_path):
    log = open(log_path, "w")
    process = subprocess.Popen([demo, "--store", "sqlite:" + store, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=log, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"serving (http://127\.0\.0\.1:\d+)/", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise Failure("auth-demo did not start; its log: " + open(log_path).read())


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,860", "--no-first-run", "--disable-extensions",
                     "--user-data-dir=" + downloads):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def run(args):
    shots = os.path.abspath(args.screenshots)
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="auth-demo-e2e-")
    store = os.path.join(work, "auth.db")
    subprocess.run([args.mongo_doctor, "provision", "--sqlite", store], check=True, stdout=subprocess.DEVNULL)
    demo, base = start_demo(args.demo, store, os.path.join(work, "auth-demo.log"))
    driver = None
    cookie = {"value": "(none)"}
    try:
        driver = browser(os.path.join(work, "chromium"))
        driver.set_page_load_timeout(30)

        def shot(name):
            driver.save_screenshot(os.path.join(shots, name + ".png"))

        def heading():
            return driver.find_element(By.TAG_NAME, "h1").text

        def click_and_wait(by, selector):
            # A click returns before the request (a POST and its redirect) has loaded: wait for the next page.
            page = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(by, selector).click()
            WebDriverWait(driver, 15).until(expected_conditions.staleness_of(page))

        def fill(username, password):
            driver.find_element(By.ID, "username").clear()
            driver.find_element(By.ID, "username").send_keys(username)
            driver.find_element(By.ID, "password").send_keys(password)
            click_and_wait(By.CSS_SELECTOR, "form.form button[type=submit]")

        driver.get(base + "/dashboard")
        check(driver.current_url == base + "/login", "an anonymous /dashboard did not go to /login: " + driver.current_url)
        shot("1-login")

        click_and_wait(By.LINK_TEXT, "Create an account")
        check(heading() == "Create your account", "no sign-up form: " + heading())
        shot("2-signup")
        fill(USERNAME, PASSWORD)
        check(driver.current_url == base + "/dashboard", "sign-up did not land on the dashboard: " + driver.current_url)
        check(heading() == "Hello, " + USERNAME, "the dashboard does not greet the user: " + heading())
        shot("3-dashboard")

        cookie = driver.get_cookie("auth_session")
        check(cookie is not None, "no auth_session cookie")
        check(cookie.get("httpOnly") is True, "the cookie is not HttpOnly")
        check(cookie.get("sameSite") == "Lax", "the cookie is not SameSite=Lax: %r" % cookie.get("sameSite"))
        check(cookie.get("path") == "/", "the cookie's path is not /")
        check("expiry" in cookie, "the cookie has no expiry")

        driver.refresh()
        check(heading() == "Hello, " + USERNAME, "a reload lost the session: " + heading())

        click_and_wait(By.CSS_SELECTOR, ".actions button[type=submit]")
        check(driver.current_url == base + "/login", "sign-out did not go to /login: " + driver.current_url)
        check(driver.get_cookie("auth_session") is None, "sign-out left the cookie")
        driver.back()
        time.sleep(0.3)
        check("Hello, " not in driver.page_source, "back after sign-out shows the dashboard")
        check(driver.current_url == base + "/login", "back after sign-out is not the login page: " + driver.current_url)
        shot("4-back-after-logout")

        fill(USERNAME, "not-the-password")
        alert = driver.find_element(By.CSS_SELECTOR, "p.alert").text
        check(alert == "Invalid username or password", "the wrong password message is: " + alert)
        check(driver.find_element(By.ID, "username").get_attribute("value") == USERNAME, "the username was not kept")
        check(driver.find_element(By.ID, "password").get_attribute("value") == "", "the password was echoed back")
        shot("5-wrong-password")

        fill(USERNAME.lower(), PASSWORD)
        check(driver.current_url == base + "/dashboard", "sign-in did not land on the dashboard: " + driver.current_url)
        check(heading() == "Hello, " + USERNAME, "the dashboard after sign-in: " + heading())

        driver.get(base + "/signup")
        check(driver.current_url == base + "/dashboard", "a signed-in /signup did not go to the dashboard")
        click_and_wait(By.CSS_SELECTOR, ".actions button[type=submit]")
        driver.get(base + "/signup")
        fill(USERNAME.upper(), PASSWORD)
        alert = driver.find_element(By.CSS_SELECTOR, "p.alert").text
        check("is taken" in alert, "a duplicate username was not refused: " + alert)
        shot("6-signup-taken")

        driver.get(base + "/no-such-page")
        check(heading() == "Page not found", "the 404 page: " + heading())
        shot("7-not-found")
    finally:
        if driver is not None:
            driver.quit()
        demo.send_signal(signal.SIGTERM)
        try:
            code = demo.wait(timeout=20)
        except subprocess.TimeoutExpired:
            demo.kill()
            code = "killed"
        log = open(os.path.join(work, "auth-demo.log")).read()
        shutil.rmtree(work, ignore_errors=True)
    check(code == 0, "auth-demo exited with %s on SIGTERM" % code)
    check(PASSWORD not in log and "not-the-password" not in log, "a password reached auth-demo's log")
    check(cookie["value"] not in log and cookie["value"].split(".")[-1] not in log, "a session token reached auth-demo's log")
    print("browser test: passed; screenshots in " + shots)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demo", required=True, help="the auth-demo binary")
    parser.add_argument("--mongo-doctor", required=True, help="the mongo-doctor binary (provisions the store)")
    parser.add_argument("--screenshots", default=os.path.join(ROOT, ".artifacts", "auth-demo"))
    args = parser.parse_args()
    for path in (args.demo, args.mongo_doctor, CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            print("browser test: %s is missing (scripts/bootstrap --test installs chromium and chromium-driver)" % path, file=sys.stderr)
            return 2
    try:
        run(args)
    except Failure as failure:
        print("browser test: FAILED: %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
