import CPangoCairo
import ESCPOS
import Synchronization

/// Draws text with Pango (shaping, so Thai vowel and tone marks stack over their consonant, and
/// libthai's word breaking) into a 1-bit bitmap the printer prints as is.
struct TextRenderer {
    /// A font family with Thai glyphs (Debian's fonts-thai-tlwg has Waree, Loma, Garuda, Sawasdee…).
    var family: String
    /// Heights in dots (203 dpi) for each size.
    var sizes: [SlipTextStyle.Size: Int]

    /// Ink darker than this (0–255) prints.
    static let threshold: UInt8 = 110

    /// One font map for the process, used under its lock. Pango's default font map is one per thread,
    /// and the print queue's work lands on whichever thread GCD picks: each would load the fonts
    /// again and keep them. A map of our own, one thread at a time, loads them once.
    private static let fontMap = Mutex(FontMap())

    private struct FontMap: @unchecked Sendable {
        let map = pango_cairo_font_map_new()!
    }

    /// `text` wrapped to `width` dots; `.huge` text is not wrapped but shrunk until it fits.
    func render(_ text: String, style: SlipTextStyle, width: Int) -> Bitmap {
        Self.fontMap.withLock { render(text, style: style, width: width, fontMap: $0.map) }
    }

    private func render(_ text: String, style: SlipTextStyle, width: Int, fontMap: UnsafeMutablePointer<PangoFontMap>) -> Bitmap {
        var size = sizes[style.size] ?? 24
        while true {
            let layout = Layout(text: text, family: family, size: size, bold: style.bold, width: width,
                                wrap: style.size != .huge, centered: style.alignment == .center, fontMap: fontMap)
            if style.size == .huge, layout.inkWidth > width, size > 16 {
                size -= 4
                continue
            }
            return layout.draw(width: width)
        }
    }

    /// One Pango layout on its own small Cairo context, freed when done.
    private final class Layout {
        let surface: OpaquePointer
        let context: OpaquePointer
        let layout: OpaquePointer
        /// How far ink reaches above the line's top (stacked marks on the first line), in dots.
        let above: Int
        let height: Int
        let inkWidth: Int

        init(text: String, family: String, size: Int, bold: Bool, width: Int, wrap: Bool, centered: Bool,
             fontMap: UnsafeMutablePointer<PangoFontMap>) {
            surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
            context = cairo_create(surface)
            let options = cairo_font_options_create()
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
            let pangoContext = pango_font_map_create_context(fontMap)
            pango_cairo_update_context(context, pangoContext)
            layout = pango_layout_new(pangoContext)
            g_object_unref(UnsafeMutableRawPointer(pangoContext))  // the layout holds its own reference
            pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
            pango_layout_context_changed(layout)
            cairo_font_options_destroy(options)

            let font = pango_font_description_new()
            pango_font_description_set_family(font, family)
            pango_font_description_set_absolute_size(font, Double(size) * Double(PANGO_SCALE))
            pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            pango_layout_set_font_description(layout, font)
            pango_font_description_free(font)

            if wrap {
                pango_layout_set_width(layout, Int32(width) * PANGO_SCALE)
                pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            }
            pango_layout_set_alignment(layout, centered ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT)
            pango_layout_set_text(layout, text, -1)

            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_get_pixel_extents(layout, &ink, &logical)
            above = max(0, -Int(ink.y))
            height = max(Int(logical.y + logical.height), Int(ink.y + ink.height)) + above
            inkWidth = Int(ink.width)
        }

        deinit {
            g_object_unref(UnsafeMutableRawPointer(layout))
            cairo_destroy(context)
            cairo_surface_destroy(surface)
        }

        func draw(width: Int) -> Bitmap {
            let target = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(max(1, height)))!
            defer { cairo_surface_destroy(target) }
            let cr = cairo_create(target)!
            pango_cairo_update_context(cr, pango_layout_get_context(layout))
            pango_layout_context_changed(layout)
            if pango_layout_get_width(layout) < 0 {
                // Not wrapped (the huge code): centred by hand.
                var ink = PangoRectangle(), logical = PangoRectangle()
                pango_layout_get_pixel_extents(layout, &ink, &logical)
                cairo_move_to(cr, Double(max(0, (width - Int(logical.width)) / 2)), Double(above))
            } else {
                cairo_move_to(cr, 0, Double(above))
            }
            pango_cairo_show_layout(cr, layout)
            cairo_destroy(cr)
            return Bitmap(alphaSurface: target, threshold: TextRenderer.threshold)
        }
    }
}

extension Bitmap {
    /// Dots of an A8 Cairo surface at least `threshold` opaque.
    init(alphaSurface surface: OpaquePointer, threshold: UInt8) {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        self.init(width: width, height: height)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width where row[x] >= threshold { self[x, y] = true }
        }
    }
}
