using Dossier.Ingestion;

namespace Dossier.Services.Tests;

public sealed class ExponentialBackoffTests
{
    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(4, 4000)]
    [InlineData(6, 10000)]
    [InlineData(1000, 10000)]
    public void Delay_WithoutJitter_DoublesPerFailureUpToTheCap(int failures, int expectedMs)
    {
        var delay = ExponentialBackoff.Delay(TimeSpan.FromMilliseconds(500), failures, TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Delay_CapShorterThanTheFirstDelay_IsTheFirstDelay()
    {
        var delay = ExponentialBackoff.Delay(TimeSpan.FromMinutes(30), 5, TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromMinutes(30), delay);
    }

    [Fact]
    public void Delay_WithJitter_StaysWithinTheSpreadAndVaries()
    {
        var random = new Random(17);
        var delays = Enumerable.Range(0, 200)
            .Select(_ => ExponentialBackoff.Delay(TimeSpan.FromSeconds(1), 3, TimeSpan.FromMinutes(1), jitter: 0.25, random).TotalMilliseconds)
            .ToList();

        Assert.All(delays, d => Assert.InRange(d, 3000, 5000));
        Assert.True(delays.Distinct().Count() > 100, "the jitter spreads the delays");
        Assert.InRange(delays.Average(), 3800, 4200);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Delay_JitterOutOfRange_Throws(double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialBackoff.Delay(TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(2), jitter));
    }
}
