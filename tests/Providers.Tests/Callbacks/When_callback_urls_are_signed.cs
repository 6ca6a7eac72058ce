using System.ComponentModel.DataAnnotations;
using VideoPlatform.Providers.Callbacks;

namespace VideoPlatform.Providers.Tests.Callbacks;

/// <summary>Each callback URL carries an HMAC of its provider and request id; only our own keys make one that passes.</summary>
public class When_callback_urls_are_signed
{
    private const string Base = "https://video.example.com/platform";
    private const string Key = "k1-0123456789abcdef0123456789abcdef";
    private const string OldKey = "k0-fedcba9876543210fedcba9876543210";
    private static readonly Guid RequestId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    [Fact]
    public void Should_put_a_token_after_the_request_id()
    {
        var url = Urls(Key).For("evolink", RequestId)!;

        url.ShouldStartWith($"{Base}/callbacks/evolink/{RequestId}/");
        var token = TokenOf(url);
        token.Length.ShouldBeGreaterThanOrEqualTo(22, "at least 128 bits in URL-safe base64");
        token.ShouldMatch("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public void Should_accept_its_own_token() =>
        Urls(Key).Accepts("evolink", RequestId, TokenOf(Urls(Key).For("evolink", RequestId)!)).ShouldBeTrue();

    [Fact]
    public void Should_accept_the_provider_name_in_any_case() =>
        Urls(Key).Accepts("EvoLink", RequestId, TokenOf(Urls(Key).For("evolink", RequestId)!)).ShouldBeTrue();

    [Fact]
    public void Should_refuse_a_token_for_another_request() =>
        Urls(Key).Accepts("evolink", RequestId, TokenOf(Urls(Key).For("evolink", Guid.NewGuid())!)).ShouldBeFalse();

    [Fact]
    public void Should_refuse_a_token_for_another_provider() =>
        Urls(Key).Accepts("evolink", RequestId, TokenOf(Urls(Key).For("myrouter", RequestId)!)).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not base64 at all!")]
    [InlineData("%2e%2e")]
    public void Should_refuse_a_missing_or_made_up_token(string? token) =>
        Urls(Key).Accepts("evolink", RequestId, token).ShouldBeFalse();

    [Fact]
    public void Should_refuse_a_token_with_one_character_changed()
    {
        var token = TokenOf(Urls(Key).For("evolink", RequestId)!);
        var changed = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        Urls(Key).Accepts("evolink", RequestId, changed).ShouldBeFalse();
    }

    [Fact]
    public void Should_accept_a_url_signed_with_the_previous_key_while_it_is_configured()
    {
        var signedBeforeRotation = TokenOf(Urls(OldKey).For("evolink", RequestId)!);

        Urls(Key, previous: OldKey).Accepts("evolink", RequestId, signedBeforeRotation).ShouldBeTrue();
        Urls(Key).Accepts("evolink", RequestId, signedBeforeRotation).ShouldBeFalse("the previous key was retired");
    }

    [Fact]
    public void Should_refuse_a_url_signed_with_an_unknown_key()
    {
        var forged = TokenOf(Urls("an-attackers-guess-0123456789abcdef").For("evolink", RequestId)!);

        Urls(Key, previous: OldKey).Accepts("evolink", RequestId, forged).ShouldBeFalse();
    }

    [Fact]
    public void Should_accept_nothing_when_no_key_is_configured()
    {
        var urls = new CallbackUrls(Microsoft.Extensions.Options.Options.Create(new CallbackOptions()));

        urls.Accepts("evolink", RequestId, TokenOf(Urls(Key).For("evolink", RequestId)!)).ShouldBeFalse();
    }

    [Fact]
    public void Should_refuse_to_start_with_callbacks_on_and_no_signing_key()
    {
        var problem = Problems(new CallbackOptions { PublicBaseUrl = Base }).ShouldHaveSingleItem();

        problem.ShouldContain("Callbacks:SigningKey");
    }

    [Theory]
    [InlineData("short-key", null)]
    [InlineData(Key, "short-old")]
    public void Should_refuse_a_key_too_short_to_be_random_without_repeating_it(string key, string? previous)
    {
        var problem = Problems(new CallbackOptions { PublicBaseUrl = Base, SigningKey = key, PreviousSigningKey = previous })
            .ShouldHaveSingleItem();

        problem.ShouldContain("at least 32 characters");
        problem.ShouldNotContain("short");
    }

    [Fact]
    public void Should_accept_a_signing_key_with_callbacks_on() =>
        Problems(new CallbackOptions { PublicBaseUrl = Base, SigningKey = Key, PreviousSigningKey = OldKey }).ShouldBeEmpty();

    private static CallbackUrls Urls(string key, string? previous = null) =>
        new(Microsoft.Extensions.Options.Options.Create(new CallbackOptions { PublicBaseUrl = Base, SigningKey = key, PreviousSigningKey = previous }));

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static List<string> Problems(CallbackOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();
}
