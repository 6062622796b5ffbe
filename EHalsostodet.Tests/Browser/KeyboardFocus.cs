using System.Text.Json;
using Microsoft.Playwright;

namespace EHalsostodet.Tests.Browser;

/// <summary>The element that has keyboard focus, and whether the focus can be seen (outline or box-shadow).</summary>
internal sealed record FocusedElement(string Path, string Tag, string Text, string Href, string Outline, string BoxShadow, bool HasVisibleFocus)
{
    public override string ToString() => $"<{Tag}> \"{Text}\"{(Href.Length > 0 ? $" href={Href}" : "")}";
}

/// <summary>Moves through a page with Tab only, checking at every stop that focus is visible and never stuck.</summary>
internal static class KeyboardFocus
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string ReadFocus =
        """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return null;
          const path = [];
          for (let n = e; n && n.parentElement; n = n.parentElement) path.unshift(n.tagName + ':' + Array.prototype.indexOf.call(n.parentElement.children, n));
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          const shadow = !!s.boxShadow && s.boxShadow !== 'none';
          return JSON.stringify({
            path: path.join('/'), tag: e.tagName.toLowerCase(),
            text: (e.innerText || e.value || e.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 80),
            href: e.getAttribute('href') || '', outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, boxShadow: s.boxShadow,
            hasVisibleFocus: outline || shadow,
          });
        }
        """;

    public static async Task<FocusedElement?> CurrentAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string?>(ReadFocus);
        return json is null ? null : JsonSerializer.Deserialize<FocusedElement>(json, Json);
    }

    /// <summary>Presses Tab until the focused element matches, failing on invisible focus or a trap.</summary>
    public static async Task<FocusedElement> TabToAsync(IPage page, string what, Func<FocusedElement, bool> match, int maxTabs = 200)
    {
        FocusedElement? previous = null;
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var current = await CurrentAsync(page);
            if (current is null)
            {
                previous = null;
                continue;
            }
            Assert.IsTrue(current.HasVisibleFocus, $"Fokus syns inte på {current} på {page.Url} (outline {current.Outline}, box-shadow {current.BoxShadow}).");
            Assert.AreNotEqual(previous?.Path, current.Path, $"Tab flyttar inte fokus från {current} på {page.Url}: en tangentbordsfälla.");
            if (match(current))
            {
                return current;
            }
            previous = current;
        }
        throw new AssertFailedException($"Nådde inte {what} med {maxTabs} tryck på Tab på {page.Url}.");
    }

    /// <summary>
    /// Tabs from the current focus through the rest of the page and back round to its start,
    /// proving that nothing keeps the focus; returns how many stops there were.
    /// </summary>
    public static async Task<int> TabThroughAsync(IPage page, int maxTabs = 600)
    {
        var seen = new HashSet<string>();
        FocusedElement? previous = null;
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var current = await CurrentAsync(page);
            if (current is null || !seen.Add(current.Path))
            {
                return seen.Count; // left the document, or wrapped round to an element already visited
            }
            Assert.IsTrue(current.HasVisibleFocus, $"Fokus syns inte på {current} på {page.Url}.");
            Assert.AreNotEqual(previous?.Path, current.Path, $"Tab flyttar inte fokus från {current}: en tangentbordsfälla.");
            previous = current;
        }
        throw new AssertFailedException($"Fokus kom inte runt sidan {page.Url} på {maxTabs} tryck på Tab: en tangentbordsfälla.");
    }
}
