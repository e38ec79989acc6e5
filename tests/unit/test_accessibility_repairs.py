"""The repairs to docutils' markup that a keyboard needs (glassbox_handbook/web/accessibility.py)."""

from __future__ import annotations

from glassbox_handbook.web.accessibility import reachable_code


def test_a_code_block_that_may_scroll_sideways_is_reachable_by_keyboard_once():
    body = ('<div class="highlight-sh notranslate"><div class="highlight"><pre><span></span>glassbox-handbook new my-handbook'
            '</pre></div></div><p><code>inline</code> and <pre>a pre of our own</pre></p>')
    once = reachable_code(body)
    assert once.count('tabindex="0"') == 1 and '<div class="highlight"><pre tabindex="0">' in once
    assert reachable_code(once) == once  # a block already reachable is left alone
