using AngleSharp.Dom;

namespace Dossier.Pipeline.Html;

/// <summary>
/// The size of a DOM, measured in one pass: its elements, their deepest nesting, the most child elements of one node,
/// and its links.
/// </summary>
public readonly record struct DomShape(int Elements, int Depth, int WidestNode, int Links)
{
    public static DomShape Measure(INode root, CancellationToken cancellationToken = default)
    {
        int elements = 0, depth = 0, widest = 0, links = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, d) = stack.Pop();
            elements++;
            links += node is IElement { LocalName: "a" } ? 1 : 0;
            depth = Math.Max(depth, d);
            var children = node.ChildNodes;
            var width = 0;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is IElement child)
                {
                    width++;
                    stack.Push((child, d + 1));
                }
            }

            widest = Math.Max(widest, width);
        }

        return new DomShape(elements, depth, widest, links);
    }

    /// <summary>True when no measure is over its limit.</summary>
    public bool Within(DomShape limit) =>
        Elements <= limit.Elements && Depth <= limit.Depth && WidestNode <= limit.WidestNode && Links <= limit.Links;
}
