"""A small W3C WebDriver client (standard library only) for driving Folio through
tauri-driver and WebKitWebDriver."""

import http.client
import json
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CTRL = "\ue009"
SHIFT = "\ue008"
ALT = "\ue00a"
ENTER = "\ue007"
BACKSPACE = "\ue003"
ARROW_UP = "\ue013"
ARROW_DOWN = "\ue015"
ARROW_RIGHT = "\ue014"
NULL = "\ue000"


class WebDriverError(Exception):
    pass


def _request(method, url, body=None, timeout=300, attempts=3):
    data = None if body is None else json.dumps(body).encode()
    for attempt in range(attempts):
        req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            payload = e.read().decode(errors="replace")
            raise WebDriverError(f"{method} {url}: {e.code} {payload[:500]}") from None
        except (http.client.RemoteDisconnected, ConnectionResetError):
            # tauri-driver reuses pooled connections to WebKitWebDriver, which closes idle
            # ones; a request that meets a just-closed connection fails before reaching the
            # browser ("connection closed before message completed") and is sent again.
            if attempt + 1 == attempts:
                raise
            time.sleep(0.2)


def wait_for_server(base, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            _request("GET", f"{base}/status", timeout=2)
            return
        except Exception:
            time.sleep(0.2)
    raise WebDriverError(f"no WebDriver server at {base}")


class Session:
    """One app instance, opened on `args`."""

    def __init__(self, base, application, args=()):
        self.base = base
        caps = {"capabilities": {"alwaysMatch": {"tauri:options": {"application": application, "args": list(args)}}}}
        # The app starts in about a second; one that has not in a minute will not.
        value = _request("POST", f"{base}/session", caps, timeout=60)["value"]
        self.id = value["sessionId"]
        self.url = f"{base}/session/{self.id}"

    def _cmd(self, method, path, body=None):
        return _request(method, f"{self.url}{path}", body)["value"]

    def close(self):
        try:
            _request("DELETE", self.url, timeout=20)
        except Exception:
            pass

    def find(self, css, timeout=10.0, root=None):
        """The first element matching `css`, waiting for it to appear."""
        deadline = time.time() + timeout
        while True:
            try:
                path = "/element" if root is None else f"/element/{root}/element"
                return self._cmd("POST", path, {"using": "css selector", "value": css})[ELEMENT]
            except WebDriverError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)

    def find_all(self, css):
        return [e[ELEMENT] for e in self._cmd("POST", "/elements", {"using": "css selector", "value": css})]

    def click(self, el):
        self._cmd("POST", f"/element/{el}/click", {})

    def clear(self, el):
        self._cmd("POST", f"/element/{el}/clear", {})

    def type(self, el, text):
        self._cmd("POST", f"/element/{el}/value", {"text": text})

    def text(self, el):
        return self._cmd("GET", f"/element/{el}/text")

    def prop(self, el, name):
        return self._cmd("GET", f"/element/{el}/property/{name}")

    def execute(self, script, *args):
        return self._cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def execute_async(self, script, *args):
        return self._cmd("POST", "/execute/async", {"script": script, "args": list(args)})

    def frame(self, el=None):
        """Switches into frame element `el`, or back to the window with None."""
        if el is None:
            self._cmd("POST", "/frame/parent", {})
        else:
            self._cmd("POST", "/frame", {"id": {ELEMENT: el}})

    def wait(self, predicate, timeout=10.0, what="condition"):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                last = predicate()
                if last:
                    return last
            except WebDriverError as e:
                last = e
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what} (last: {last!r})")
