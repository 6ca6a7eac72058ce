using System.Text;

namespace ProviderSimulator.Tests.Support;

public static class Mp4
{
    /// <summary>An ISO-BMFF file opens with a box whose type, at offset 4, is "ftyp".</summary>
    public static void ShouldBeMp4(this byte[] bytes)
    {
        bytes.Length.ShouldBeGreaterThan(8);
        Encoding.ASCII.GetString(bytes, 4, 4).ShouldBe("ftyp");
    }
}
