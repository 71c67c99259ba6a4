using AidDirectory.Web.Features.Drawing;
using AidDirectory.Web.Tests.Infrastructure;
using SkiaSharp;

namespace AidDirectory.Web.Tests.Drawing;

/// <summary>Text the server draws: the faces found for each script, the order of mixed-direction runs, Arabic joining.</summary>
public sealed class TextDrawingTests : IDisposable
{
    private readonly Typefaces _faces = new();

    [Fact]
    public void Every_script_we_print_has_an_installed_face_with_its_letters()
    {
        // test.sh installs fonts-noto-core (Latin, Arabic) and fonts-wqy-microhei (Chinese).
        if (_faces.Missing.Count > 0)
        {
            Assert.SkipWhen(!TestEnvironment.IsCi, $"fonts missing: {string.Join("; ", _faces.Missing)}");
            Assert.Fail($"fonts missing: {string.Join("; ", _faces.Missing)}");
        }

        foreach (var (script, sample) in new[] { (Script.Latin, "Żywność Gratis"), (Script.Chinese, "免费食物和法律帮助"), (Script.Arabic, "مساعدة مجانية") })
        {
            using var font = new SKFont(_faces.For(script, bold: false).Typeface, 12);
            var glyphs = font.GetGlyphs(sample.Replace(" ", "", StringComparison.Ordinal));
            Assert.DoesNotContain((ushort)0, glyphs); // 0 is the empty box a missing letter becomes
        }
    }

    [Fact]
    public void Arabic_letters_are_joined_by_the_shaper_not_drawn_in_isolated_forms()
    {
        var word = "طعام";
        var line = ShapedLine.Shape(_faces, word, 12, bold: false, rightToLeft: true);
        using var font = new SKFont(_faces.For(Script.Arabic, bold: false).Typeface, 12);
        var isolated = font.GetGlyphs(word);

        var run = Assert.Single(line.Runs);
        Assert.Equal(isolated.Length, run.Glyphs.Length);
        // Joined forms are other glyphs, and the run is laid out right to left (the first letter is drawn last).
        Assert.NotEqual(isolated, run.Glyphs);
        Assert.NotEqual(isolated.Reverse(), run.Glyphs);
        Assert.True(run.Points[0].X < run.Points[^1].X);
        Assert.Equal(word, line.Text);
    }

    [Fact]
    public void An_arabic_line_with_an_english_name_puts_the_name_on_the_left_and_keeps_it_readable()
    {
        var pieces = BidiRuns.Split("طعام في Avondale", rightToLeft: true);

        Assert.Equal(["Avondale", "طعام في "], pieces.Select(p => p.Text));
        Assert.Equal([false, true], pieces.Select(p => p.RightToLeft));
        Assert.Equal([Script.Latin, Script.Arabic], pieces.Select(p => p.Script));
    }

    [Theory]
    [InlineData("312-555-0100")]
    [InlineData("9:30")]
    public void Numbers_with_their_separators_stay_in_reading_order_in_a_right_to_left_line(string number)
    {
        var pieces = BidiRuns.Split($"اتصل {number}", rightToLeft: true);

        Assert.Equal(number, pieces[0].Text); // leftmost, and whole
        Assert.False(pieces[0].RightToLeft);
    }

    [Fact]
    public void An_english_line_keeps_an_arabic_or_chinese_name_in_its_place()
    {
        var pieces = BidiRuns.Split("Ask for مركز or 中心 today", rightToLeft: null);

        Assert.Equal(["Ask for ", "مركز", " or ", "中心 ", "today"], pieces.Select(p => p.Text));
        Assert.Equal([Script.Latin, Script.Arabic, Script.Latin, Script.Chinese, Script.Latin], pieces.Select(p => p.Script));
        Assert.True(pieces[1].RightToLeft);
    }

    [Fact]
    public void Long_text_wraps_within_the_width_at_spaces_and_between_chinese_characters()
    {
        const float width = 120;
        var english = TextWrap.Lines(_faces, "Free groceries every week, no questions asked, for every family", 10, bold: false, rightToLeft: false, width);
        var chinese = TextWrap.Lines(_faces, "每周免费提供食品，不问任何问题，欢迎所有家庭", 10, bold: false, rightToLeft: false, width);
        var cut = TextWrap.Lines(_faces, "Free groceries every week, no questions asked, for every family", 10, bold: false, rightToLeft: false, width, maxLines: 2);

        Assert.True(english.Count > 1);
        Assert.True(chinese.Count > 1);
        Assert.All(english.Concat(chinese), l => Assert.True(l.Width <= width, $"{l.Text} is {l.Width} wide"));
        Assert.Equal("Free groceries every week, no questions asked, for every family", string.Join(" ", english.Select(l => l.Text)));
        Assert.Equal(2, cut.Count);
        Assert.EndsWith("…", cut[1].Text, StringComparison.Ordinal);
    }

    public void Dispose() => _faces.Dispose();
}
