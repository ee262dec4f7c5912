package com.disputehub.channel.mirakl.model;

/** A product image or other media of a line. */
public record MiraklMedia(String mediaUrl, String type) {
}
