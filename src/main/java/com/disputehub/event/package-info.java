/**
 * The event stream (DOMAIN X7): events written in the transaction of their change, numbered in commit order, read
 * by the pull API, the webhooks and the AMQP publisher ({@code amqp}); retention.
 */
package com.disputehub.event;
